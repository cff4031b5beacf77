package io.kamea.simulator;

/**
 * Pacing at a fixed rate, after an optional linear ramp from 0 to that rate. Without a ramp,
 * message {@code i} is due at {@code start + i / rate}; with one, the count due grows as
 * {@code rate * t² / (2 * ramp)} during the ramp and at the full rate afterwards, so every message
 * after the ramp is due {@code ramp / 2} later than without it. The ramp lets a cold sender (a new
 * JVM compiling its publishing path) and the servers it loads reach the rate gradually instead of
 * falling behind and catching up in a burst. A sender that fell behind sends what is due at once
 * until it has caught up, so the count over the run is exact.
 */
final class PublishSchedule {

    private final double ratePerSecond;
    private final long startNanos;
    private final long rampNanos;

    PublishSchedule(double ratePerSecond, long startNanos, long rampNanos) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("a schedule needs a positive rate, got " + ratePerSecond);
        }
        if (rampNanos < 0) {
            throw new IllegalArgumentException("a ramp cannot be negative, got " + rampNanos + " ns");
        }
        this.ratePerSecond = ratePerSecond;
        this.startNanos = startNanos;
        this.rampNanos = rampNanos;
    }

    /** When message {@code sequence} (from 0) is due, in {@code System.nanoTime()} terms. */
    long dueAt(long sequence) {
        double atFullRate = sequence * 1e9 / ratePerSecond;
        if (atFullRate < rampNanos / 2.0) {
            return startNanos + (long) Math.sqrt(2 * atFullRate * rampNanos);
        }
        return startNanos + (long) (atFullRate + rampNanos / 2.0);
    }

    /** How many messages are due by {@code nanos} (the first one is due at the start). */
    long dueBy(long nanos) {
        if (nanos < startNanos) {
            return 0;
        }
        long elapsed = nanos - startNanos;
        if (elapsed < rampNanos) {
            return (long) ((double) elapsed * elapsed * ratePerSecond / (2e9 * rampNanos)) + 1;
        }
        return (long) ((elapsed - rampNanos / 2.0) * ratePerSecond / 1e9) + 1;
    }
}
