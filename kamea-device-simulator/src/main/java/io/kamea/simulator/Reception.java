package io.kamea.simulator;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a receiver got of this run's messages: a total, the count that arrived inside the
 * measurement window (the sustained rate), and the latency of the messages sent inside it.
 */
public final class Reception {

    private final Payload payload;
    private final LongAdder received = new LongAdder();
    private final LongAdder receivedInWindow = new LongAdder();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final AtomicLong intervalMax = new AtomicLong();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    /** @param payload the run's payload format (tells ours from others') */
    public Reception(Payload payload) {
        this.payload = payload;
    }

    /** Counts a received body if it is one of ours; returns its send time (epoch µs) or -1. */
    public long received(byte[] body) {
        if (!payload.isOurs(body)) {
            return -1;
        }
        long now = Payload.nowMicros();
        long sent = Payload.sentMicros(body);
        received.increment();
        if (now >= windowStart && now < windowEnd) {
            receivedInWindow.increment();
        }
        if (sent >= windowStart && sent < windowEnd) {
            latency.record(now - sent);
        }
        intervalMax.accumulateAndGet(now - sent, Math::max);
        return sent;
    }

    /** Opens the measurement window now. */
    public void openWindow(long nowMicros) {
        windowStart = nowMicros;
    }

    /** Closes the measurement window now: later arrivals count for the total only. */
    public void closeWindow(long nowMicros) {
        windowEnd = nowMicros;
    }

    /** True if a message sent at that time falls in the window (for receivers' extra histograms). */
    public boolean sentInWindow(long sentMicros) {
        return sentMicros >= windowStart && sentMicros < windowEnd;
    }

    /**
     * The longest latency (µs) since the previous call, then starts a new interval: progress lines
     * show when a stall happened, which the run's percentiles cannot.
     */
    public long takeIntervalMaxMicros() {
        return intervalMax.getAndSet(0);
    }

    public long received() {
        return received.sum();
    }

    public long receivedInWindow() {
        return receivedInWindow.sum();
    }

    public LatencyHistogram latency() {
        return latency;
    }
}
