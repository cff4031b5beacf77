package io.kamea.ingestion.rabbitmq.adapter;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a message-driven bean consumes and how, from its activation config properties:
 * {@code queue} (required), {@code prefetch}, {@code concurrency}, {@code maxBatchSize},
 * {@code batchLingerMillis}, {@code maxAttempts}, {@code deadLetterExchange}; configuration keys
 * named after the queue may override the numbers ({@link #QUEUE_OVERRIDES}). The broker
 * connection itself comes from the configuration (see {@link ConnectionSettings}).
 */
public class RabbitActivationSpec implements ActivationSpec, Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_PREFETCH = 500;
    public static final int DEFAULT_CONCURRENCY = 2;
    public static final int DEFAULT_MAX_BATCH_SIZE = 200;
    public static final int DEFAULT_BATCH_LINGER_MILLIS = 0;
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final String DEFAULT_DEAD_LETTER_EXCHANGE = "kamea.dead-letter";

    private String queue;
    private Integer prefetch = DEFAULT_PREFETCH;
    private Integer concurrency = DEFAULT_CONCURRENCY;
    private Integer maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
    private Integer batchLingerMillis = DEFAULT_BATCH_LINGER_MILLIS;
    private Integer maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private String deadLetterExchange = DEFAULT_DEAD_LETTER_EXCHANGE;
    private transient ResourceAdapter resourceAdapter;

    /**
     * The properties operators may tune without touching a bean's annotations: a configuration key
     * named after the queue and the property wins over the bean's value, e.g. for the queue
     * {@code kamea.telemetry} {@code KAMEA_TELEMETRY_CONCURRENCY}, {@code _PREFETCH},
     * {@code _MAX_BATCH_SIZE}, {@code _BATCH_LINGER_MILLIS}, {@code _MAX_ATTEMPTS}
     * (docs/configuration.md, "Consumers", whose keys a test compares with this list).
     */
    static final List<String> QUEUE_OVERRIDES = List.of("prefetch", "concurrency", "maxBatchSize",
            "batchLingerMillis", "maxAttempts");

    /** Which property a configuration key set, and which key: a refusal names the key the operator wrote. */
    private final Map<String, String> overriddenBy = new HashMap<>();

    /** Applies the configuration keys named after the queue ({@link #QUEUE_OVERRIDES}). */
    public void applyOverrides(UnaryOperator<String> config) throws InvalidPropertyException {
        if (queue == null) {
            return;
        }
        AdapterSettings settings = new AdapterSettings(config);
        for (String property : QUEUE_OVERRIDES) {
            String key = overrideKey(queue, property);
            Integer value;
            try {
                value = settings.integer(key);
            } catch (IllegalArgumentException e) {
                throw invalid(property, e.getMessage());
            }
            if (value != null) {
                set(property, value);
                overriddenBy.put(property, key);
            }
        }
    }

    /**
     * The key overriding {@code property} for {@code queue}: the queue's name in upper case with
     * every other character {@code _}, then the property's words in upper case joined by {@code _}
     * ({@code kamea.telemetry}, {@code maxBatchSize}: {@code KAMEA_TELEMETRY_MAX_BATCH_SIZE}).
     */
    static String overrideKey(String queue, String property) {
        return queue.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_"
                + property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private void set(String property, int value) {
        switch (property) {
            case "prefetch" -> prefetch = value;
            case "concurrency" -> concurrency = value;
            case "maxBatchSize" -> maxBatchSize = value;
            case "batchLingerMillis" -> batchLingerMillis = value;
            case "maxAttempts" -> maxAttempts = value;
            default -> throw new IllegalArgumentException("not a tunable property: " + property);
        }
    }

    @Override
    public void validate() throws InvalidPropertyException {
        if (queue == null || queue.isBlank()) {
            throw invalid("queue", "queue is required: the name of the RabbitMQ queue to consume from");
        }
        requireRange("prefetch", prefetch, 1, 65_535);
        requireRange("concurrency", concurrency, 1, 64);
        requireRange("maxBatchSize", maxBatchSize, 1, prefetch);
        requireRange("batchLingerMillis", batchLingerMillis, 0, 1_000);
        requireRange("maxAttempts", maxAttempts, 1, Integer.MAX_VALUE);
        if (deadLetterExchange == null || deadLetterExchange.isBlank()) {
            throw invalid("deadLetterExchange", "deadLetterExchange must name an exchange (the default exchange would "
                    + "route dead letters by their routing key)");
        }
    }

    private void requireRange(String property, Integer value, int min, int max) throws InvalidPropertyException {
        if (value == null || value < min || value > max) {
            String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            String key = overriddenBy.get(property);
            throw invalid(property, (key == null ? property : "Invalid setting " + key + ": " + property)
                    + " must be " + range + ", not " + value);
        }
    }

    private static InvalidPropertyException invalid(String property, String message) {
        InvalidPropertyException e = new InvalidPropertyException("RabbitMQ activation: " + message);
        try {
            e.setInvalidPropertyDescriptors(new PropertyDescriptor[] {
                new PropertyDescriptor(property, RabbitActivationSpec.class)});
        } catch (IntrospectionException ignored) {
            // the message names the property already
        }
        return e;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue == null ? null : queue.trim();
    }

    public Integer getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(Integer prefetch) {
        this.prefetch = prefetch;
    }

    public Integer getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(Integer concurrency) {
        this.concurrency = concurrency;
    }

    public Integer getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(Integer maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    /**
     * How long a message arriving at an idle consumer waits for others to share its batch (0: it
     * goes at once). Messages arriving while a batch is in flight never wait longer than it.
     */
    public Integer getBatchLingerMillis() {
        return batchLingerMillis;
    }

    public void setBatchLingerMillis(Integer batchLingerMillis) {
        this.batchLingerMillis = batchLingerMillis;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public String getDeadLetterExchange() {
        return deadLetterExchange;
    }

    public void setDeadLetterExchange(String deadLetterExchange) {
        this.deadLetterExchange = deadLetterExchange == null ? null : deadLetterExchange.trim();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }

    @Override
    public String toString() {
        return "RabbitActivationSpec[queue=" + queue + ", prefetch=" + prefetch + ", concurrency=" + concurrency
                + ", maxBatchSize=" + maxBatchSize + ", batchLingerMillis=" + batchLingerMillis + ", maxAttempts=" + maxAttempts
                + ", deadLetterExchange=" + deadLetterExchange + "]";
    }
}
