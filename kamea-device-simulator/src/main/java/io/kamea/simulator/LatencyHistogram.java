package io.kamea.simulator;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in buckets of 0.1 ms up to 60 s (longer ones count in the last bucket); thread-safe,
 * no allocation per record. Percentiles are bucket upper bounds, so accurate to 0.1 ms.
 */
public final class LatencyHistogram {

    private static final long BUCKET_MICROS = 100;
    private static final int BUCKETS = 600_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** Records one latency; negative values (clock steps) count as zero. */
    public void record(long micros) {
        int bucket = (int) Math.min(BUCKETS - 1, Math.max(0, micros) / BUCKET_MICROS);
        counts.incrementAndGet(bucket);
    }

    /** The number of recorded latencies. */
    public long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The latency (ms) below which the fraction {@code q} (0..1) of the records fall; NaN if empty. */
    public double percentileMillis(double q) {
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= Math.max(1, rank)) {
                return (i + 1) * BUCKET_MICROS / 1000.0;
            }
        }
        return BUCKETS * BUCKET_MICROS / 1000.0;
    }
}
