package io.kamea.simulator;

/**
 * Pacing at a fixed rate: message {@code i} is due at {@code start + i / rate}. A sender that fell
 * behind sends what is due at once until it has caught up, so the rate over the run is exact.
 */
final class PublishSchedule {

    private final double ratePerSecond;
    private final long startNanos;

    PublishSchedule(double ratePerSecond, long startNanos) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("a schedule needs a positive rate, got " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.startNanos = startNanos;
    }

    /** When message {@code sequence} (from 0) is due, in {@code System.nanoTime()} terms. */
    long dueAt(long sequence) {
        return startNanos + (long) (sequence * 1e9 / ratePerSecond);
    }

    /** How many messages are due by {@code nanos} (the first one is due at the start). */
    long dueBy(long nanos) {
        if (nanos < startNanos) {
            return 0;
        }
        return (long) ((nanos - startNanos) * ratePerSecond / 1e9) + 1;
    }
}
