package io.kamea.ingestion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what ingestion forwarded and rejected, by stream and reason, since the server started,
 * and announces each count as an event (for metrics, which this package does not depend on).
 */
@ApplicationScoped
public class IngestionStatistics {

    private static final String REJECTED = ".rejected.";

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Instant since = Instant.now();

    @Inject
    Event<MessagesIngested> ingested;

    @Inject
    Event<MessageDeadLettered> deadLettered;

    /** Made at deployment rather than at the first message, so that {@link #since()} says when counting began. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing to do: being called creates the bean
    }

    public void forwarded(String stream, int count) {
        add(stream + ".forwarded", count);
        if (count > 0) {
            ingested.fire(new MessagesIngested(stream, count));
        }
    }

    public void rejected(String stream, String reasonCode) {
        add(stream + REJECTED + reasonCode, 1);
        deadLettered.fire(new MessageDeadLettered(stream, reasonCode));
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counters.forEach((key, value) -> snapshot.put(key, value.sum()));
        return snapshot;
    }

    /** The rejections alone, by stream, then reason code. */
    public Map<String, Map<String, Long>> rejectedByStream() {
        Map<String, Map<String, Long>> byStream = new TreeMap<>();
        counters.forEach((key, value) -> {
            int at = key.indexOf(REJECTED);
            if (at > 0) {
                byStream.computeIfAbsent(key.substring(0, at), stream -> new TreeMap<>())
                        .put(key.substring(at + REJECTED.length()), value.sum());
            }
        });
        return byStream;
    }

    /** When counting began: the application's deployment. */
    public Instant since() {
        return since;
    }

    private void add(String key, int count) {
        counters.computeIfAbsent(key, k -> new LongAdder()).add(count);
    }
}
