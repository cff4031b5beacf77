package io.kamea.ingestion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    @Inject
    Event<MessagesIngested> ingested;

    @Inject
    Event<MessageDeadLettered> deadLettered;

    public void forwarded(String stream, int count) {
        add(stream + ".forwarded", count);
        if (count > 0) {
            ingested.fire(new MessagesIngested(stream, count));
        }
    }

    public void rejected(String stream, String reasonCode) {
        add(stream + ".rejected." + reasonCode, 1);
        deadLettered.fire(new MessageDeadLettered(stream, reasonCode));
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counters.forEach((key, value) -> snapshot.put(key, value.sum()));
        return snapshot;
    }

    private void add(String key, int count) {
        counters.computeIfAbsent(key, k -> new LongAdder()).add(count);
    }
}
