package io.kamea.ingestion;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what ingestion forwarded and rejected, by stream and reason, since the server started. */
@ApplicationScoped
public class IngestionStatistics {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    public void forwarded(String stream, int count) {
        add(stream + ".forwarded", count);
    }

    public void rejected(String stream, String reasonCode) {
        add(stream + ".rejected." + reasonCode, 1);
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
