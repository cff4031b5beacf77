package io.kamea.ingestion.rabbitmq.adapter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed attempts per message, for the redelivery limit. Bounded (least recently used entries go
 * first): the broker does not count redeliveries of classic queues, so the count lives here and
 * starts again after a restart, which at worst delays a dead-lettering.
 */
final class AttemptCounter {

    private final Map<String, Integer> counts;

    AttemptCounter(int capacity) {
        counts = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Counts one more failed attempt and returns the total. */
    synchronized int increment(String key) {
        return counts.merge(key, 1, Integer::sum);
    }

    /** A message that failed before: it is delivered alone until it succeeds or is dead-lettered. */
    synchronized boolean failedBefore(String key) {
        return !counts.isEmpty() && counts.containsKey(key);
    }

    synchronized int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    synchronized void forget(String key) {
        if (!counts.isEmpty()) {
            counts.remove(key);
        }
    }
}
