package io.kamea.ingestion.rejected;

import io.kamea.broker.RabbitManagementApi.QueueDepth;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The depth of each store as last read from the broker, for the metrics. A read never waits for
 * the broker: it answers from the last values and, if they are older than {@link #REFRESH}, has
 * them read again in the background (one refresh at a time). Five seconds because the broker's
 * queue statistics change only once per {@code collect_statistics_interval}, 5,000 ms by default:
 * reading more often would only fetch the same numbers, while any scrape interval, however short,
 * costs the broker at most two small calls per five seconds. Until the first answer the depth is
 * unknown (null); when the broker stops answering the last known depth stays, and readiness
 * ({@code broker-management}) says the broker is away.
 */
@ApplicationScoped
public class RejectedDepths {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(RejectedDepths.class.getName());

    /** Messages and payload bytes in a store. */
    public record Depth(long messages, long bytes) {
    }

    @Inject
    RejectedStores stores;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    Clock clock = Clock.systemUTC();

    private final Map<RejectedStore, Depth> depths = new EnumMap<>(RejectedStore.class);
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Instant triedAt = Instant.MIN;

    /** The last known depth, null while none is known. */
    public Depth depth(RejectedStore store) {
        refreshIfOld();
        synchronized (depths) {
            return depths.get(store);
        }
    }

    private void refreshIfOld() {
        if (clock.instant().isBefore(triedAt.plus(REFRESH)) || !refreshing.compareAndSet(false, true)) {
            return;
        }
        triedAt = clock.instant(); // a broker that fails is asked again in 5 s, not at every read
        try {
            executor.execute(this::refresh);
        } catch (RejectedExecutionException e) {
            refreshing.set(false);
        }
    }

    void refresh() {
        try {
            for (RejectedStore store : RejectedStore.values()) {
                QueueDepth depth = stores.depth(store);
                if (depth.messages() != null) {
                    synchronized (depths) {
                        depths.put(store, new Depth(depth.messages(),
                                depth.message_bytes() == null ? 0 : depth.message_bytes()));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "Cannot read the depth of the rejected-message queues: " + e.getMessage());
        } finally {
            refreshing.set(false);
        }
    }
}
