package io.kamea.metrics;

import io.kamea.configuration.ReportedConfigurationIngestion;
import io.kamea.ingestion.MessageDeadLettered;
import io.kamea.ingestion.MessagesIngested;
import io.kamea.telemetry.TelemetryIngestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code kamea.ingestion.forwarded{stream}} and {@code kamea.ingestion.dead.lettered{stream,reason}}.
 * Counters are looked up once per stream (and reason) and then incremented once per batch.
 */
@ApplicationScoped
public class IngestionMetrics {

    static final Metadata FORWARDED = Metadata.builder().withName("kamea.ingestion.forwarded")
            .withDescription("Messages devices published that ingestion forwarded to the bus, by stream").build();
    static final Metadata DEAD_LETTERED = Metadata.builder().withName("kamea.ingestion.dead.lettered")
            .withDescription("Messages ingestion refused and sent to the dead-letter queue, by stream and reason")
            .build();

    @Inject
    MetricRegistry registry;

    private final Map<String, Counter> forwarded = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();

    /** Both streams from the start, at 0: a series that appears late is harder to alert on. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        forwardedCounter(TelemetryIngestion.STREAM);
        forwardedCounter(ReportedConfigurationIngestion.STREAM);
    }

    void onIngested(@Observes MessagesIngested batch) {
        forwardedCounter(batch.stream()).inc(batch.count());
    }

    void onDeadLettered(@Observes MessageDeadLettered message) {
        deadLettered.computeIfAbsent(message.stream() + '\n' + message.reasonCode(), key -> registry.counter(
                DEAD_LETTERED, new Tag("stream", message.stream()), new Tag("reason", message.reasonCode()))).inc();
    }

    private Counter forwardedCounter(String stream) {
        return forwarded.computeIfAbsent(stream, s -> registry.counter(FORWARDED, new Tag("stream", s)));
    }
}
