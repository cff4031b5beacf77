package io.kamea.metrics;

import io.kamea.ingestion.rejected.RejectedDepths;
import io.kamea.ingestion.rejected.RejectedDepths.Depth;
import io.kamea.ingestion.rejected.RejectedStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code kamea.rejected.messages{queue}} and {@code kamea.rejected.bytes{queue}} (gauges): what
 * {@code kamea.dead-letter} and {@code kamea.unroutable} hold. Read from {@link RejectedDepths},
 * so a scrape never waits for the broker and calls it at most once per five seconds; NaN until the
 * broker first answered.
 */
@ApplicationScoped
public class RejectedStoreMetrics {

    static final Metadata MESSAGES = Metadata.builder().withName("kamea.rejected.messages")
            .withDescription("Messages in a queue of messages not ingested (dead-lettered or unroutable), "
                    + "as the broker last counted them").build();
    static final Metadata BYTES = Metadata.builder().withName("kamea.rejected.bytes")
            .withDescription("Payload bytes in a queue of messages not ingested (dead-lettered or unroutable), "
                    + "as the broker last counted them").build();

    @Inject
    MetricRegistry registry;

    @Inject
    RejectedDepths depths;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (RejectedStore store : RejectedStore.values()) {
            Tag queue = new Tag("queue", store.queue());
            registry.gauge(MESSAGES, depths, d -> value(d.depth(store), Depth::messages), queue);
            registry.gauge(BYTES, depths, d -> value(d.depth(store), Depth::bytes), queue);
        }
    }

    static double value(Depth depth, ToLongFunction<Depth> part) {
        return depth == null ? Double.NaN : part.applyAsLong(depth);
    }
}
