package io.kamea.simulator;

import java.util.concurrent.atomic.LongAdder;

/** Publisher-side counters shared by all simulated devices. */
public final class PublishStatistics {

    private final LongAdder published = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();

    void countPublished() {
        published.increment();
    }

    void countAcked() {
        acked.increment();
    }

    void countFailed() {
        failed.increment();
    }

    void countFailed(int count) {
        failed.add(count);
    }

    /** Messages handed to the MQTT client. */
    public long published() {
        return published.sum();
    }

    /** Messages the broker acknowledged (PUBACK for QoS 1; written to the socket for QoS 0). */
    public long acked() {
        return acked.sum();
    }

    /** Messages whose delivery failed (connection lost, timeout). */
    public long failed() {
        return failed.sum();
    }
}
