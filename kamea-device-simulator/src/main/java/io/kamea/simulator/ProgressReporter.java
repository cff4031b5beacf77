package io.kamea.simulator;

/** Prints a progress line: totals and rates since the previous line. */
final class ProgressReporter {

    private final String label;
    private final PublishStatistics statistics;
    private final Receiver receiver;
    private final long started = System.nanoTime();
    private long lastNanos = started;
    private long lastPublished;
    private long lastAcked;
    private long lastReceived;

    ProgressReporter(String label, PublishStatistics statistics, Receiver receiver) {
        this.label = label;
        this.statistics = statistics;
        this.receiver = receiver;
    }

    void report() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        long published = statistics.published();
        long acked = statistics.acked();
        long received = receiver != null ? receiver.reception().received() : 0;
        StringBuilder line = new StringBuilder(String.format("[%s] t=%4.0fs published=%d (%.0f/s) acked=%d (%.0f/s)",
                label, (now - started) / 1e9, published, (published - lastPublished) / seconds, acked,
                (acked - lastAcked) / seconds));
        if (statistics.failed() > 0) {
            line.append(" failed=").append(statistics.failed());
        }
        if (receiver != null) {
            line.append(String.format(" received=%d (%.0f/s) backlog=%d max_ms=%.1f", received,
                    (received - lastReceived) / seconds, Math.max(0, acked - received),
                    receiver.reception().takeIntervalMaxMicros() / 1000.0));
            line.append(receiver.progress());
        }
        System.out.println(line);
        lastNanos = now;
        lastPublished = published;
        lastAcked = acked;
        lastReceived = received;
    }
}
