package io.kamea.simulator;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One publishing thread: sends round-robin through its share of the devices, paced to its share
 * of the target rate (message {@code i} is due at {@code start + i / rate}; a loop that falls
 * behind sends at once until it has caught up), or as fast as the devices' windows allow when
 * the rate is 0.
 */
final class PublishLoop implements Runnable {

    private final List<SimulatedDevice> devices;
    /** Null when the rate is 0: as fast as the windows allow. */
    private final PublishSchedule schedule;
    private final Payload payload;
    private final long endNanos;
    private volatile boolean stopped;

    PublishLoop(List<SimulatedDevice> devices, double ratePerSecond, long rampNanos, Payload payload, long startNanos,
                long endNanos) {
        this.devices = devices;
        this.schedule = ratePerSecond > 0 ? new PublishSchedule(ratePerSecond, startNanos, rampNanos) : null;
        this.payload = payload;
        this.endNanos = endNanos;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        long sequence = 0;
        int next = 0;
        try {
            while (!stopped) {
                long now = System.nanoTime();
                if (now >= endNanos) {
                    return;
                }
                if (schedule != null) {
                    long due = schedule.dueAt(sequence);
                    if (due > now) {
                        LockSupport.parkNanos(Math.min(due, endNanos) - now);
                        continue;
                    }
                }
                SimulatedDevice device = devices.get(next);
                next = (next + 1) % devices.size();
                if (device.isConnected() && device.publish(payload.encode(Payload.nowMicros(), sequence), 50)) {
                    sequence++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
