package io.kamea.ingestion.rabbitmq.adapter;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.io.Serializable;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What a message-driven bean consumes and how, from its activation config properties:
 * {@code queue} (required), {@code prefetch}, {@code concurrency}, {@code maxBatchSize},
 * {@code batchLingerMillis}, {@code maxAttempts}, {@code deadLetterExchange}. The broker connection itself comes from the
 * configuration (see {@link ConnectionSettings}).
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
     * Lets operators tune a bean without touching its annotations: configuration keys named after
     * the queue, e.g. {@code KAMEA_TELEMETRY_CONCURRENCY}, {@code _PREFETCH}, {@code _MAX_BATCH_SIZE},
     * {@code _BATCH_LINGER_MILLIS}, {@code _MAX_ATTEMPTS} for the queue {@code kamea.telemetry}, win
     * over the bean's values.
     */
    public void applyOverrides(UnaryOperator<String> config) throws InvalidPropertyException {
        if (queue == null) {
            return;
        }
        String prefix = queue.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
        prefetch = override(config, prefix + "PREFETCH", "prefetch", prefetch);
        concurrency = override(config, prefix + "CONCURRENCY", "concurrency", concurrency);
        maxBatchSize = override(config, prefix + "MAX_BATCH_SIZE", "maxBatchSize", maxBatchSize);
        batchLingerMillis = override(config, prefix + "BATCH_LINGER_MILLIS", "batchLingerMillis", batchLingerMillis);
        maxAttempts = override(config, prefix + "MAX_ATTEMPTS", "maxAttempts", maxAttempts);
    }

    private static Integer override(UnaryOperator<String> config, String key, String property, Integer value)
            throws InvalidPropertyException {
        String configured = config.apply(key);
        if (configured == null || configured.isBlank()) {
            return value;
        }
        try {
            return Integer.valueOf(configured.trim());
        } catch (NumberFormatException e) {
            throw invalid(property, key + " must be a number, not '" + configured + "'");
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

    private static void requireRange(String property, Integer value, int min, int max) throws InvalidPropertyException {
        if (value == null || value < min || value > max) {
            String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            throw invalid(property, property + " must be " + range + ", not " + value);
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
