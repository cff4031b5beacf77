package io.kamea.simulator;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices on one event loop and their publishing, all on that loop: no thread hand-off per
 * message, and what a device sends in answer to a batch of PUBACKs leaves in one socket write
 * (Vert.x flushes once the read is done). At rate 0 every device fills its window, then sends
 * its next message from its PUBACK handler (self-clocked). Paced, a 1 ms timer sends what the
 * {@link PublishSchedule} says is due, round-robin over the devices with room in their window,
 * like a {@link PublishLoop}.
 */
final class DeviceGroup extends AbstractVerticle {

    private static final long TICK_MILLIS = 1;

    private final List<PublishingDevice> devices;
    private final String host;
    private final int port;
    private final double ratePerSecond;
    private final long rampNanos;
    private final Payload payload;
    private long endNanos;
    private boolean publishing;
    private PublishSchedule schedule;
    private long timer = -1;
    private long sequence;
    private int next;

    /**
     * @param ratePerSecond this group's share of the target rate, 0 for as fast as the windows allow
     * @param rampNanos how long the rate takes to rise from 0 ({@link PublishSchedule})
     */
    DeviceGroup(List<PublishingDevice> devices, String host, int port, double ratePerSecond, long rampNanos,
                Payload payload) {
        this.devices = List.copyOf(devices);
        this.host = host;
        this.port = port;
        this.ratePerSecond = ratePerSecond;
        this.rampNanos = rampNanos;
        this.payload = payload;
    }

    /** Connects the devices (Vert.x deploys the group on its own event loop). */
    @Override
    public void start(Promise<Void> connected) {
        List<Future<Void>> connections = new ArrayList<>();
        for (PublishingDevice device : devices) {
            device.onAcknowledged(this::acknowledged);
            connections.add(device.connect(host, port));
        }
        Future.all(connections).<Void>mapEmpty().onComplete(connected);
    }

    /** Starts publishing on the event loop; any thread. */
    void publish(long startNanos, long endNanos) {
        context.runOnContext(go -> {
            this.endNanos = endNanos;
            publishing = true;
            if (ratePerSecond > 0) {
                schedule = new PublishSchedule(ratePerSecond, startNanos, rampNanos);
                timer = vertx.setPeriodic(TICK_MILLIS, tick -> sendDue());
            } else {
                devices.forEach(this::fill);
            }
        });
    }

    /** Stops publishing; completes once the event loop has stopped it. Any thread. */
    Future<Void> stopPublishing() {
        Promise<Void> stopped = Promise.promise();
        context.runOnContext(stop -> {
            halt();
            stopped.complete();
        });
        return stopped.future();
    }

    /** Stops publishing and disconnects every device; any thread. */
    Future<Void> disconnect() {
        Promise<Void> disconnected = Promise.promise();
        context.runOnContext(stop -> {
            halt();
            Future.join(devices.stream().map(PublishingDevice::disconnect).toList())
                    .onComplete(done -> disconnected.complete());
        });
        return disconnected.future();
    }

    /** True if no publish awaits its acknowledgement; any thread. */
    boolean isIdle() {
        return devices.stream().allMatch(PublishingDevice::isIdle);
    }

    private void acknowledged(PublishingDevice device) {
        if (schedule == null) {
            fill(device);
        }
    }

    private void fill(PublishingDevice device) {
        while (device.hasRoom() && stillPublishing()) {
            device.publish(payload.encode(Payload.nowMicros(), sequence++));
        }
    }

    private void sendDue() {
        if (!stillPublishing()) {
            return;
        }
        long due = schedule.dueBy(System.nanoTime());
        while (sequence < due) {
            PublishingDevice device = nextWithRoom();
            if (device == null) {
                return; // every window is full: what is due goes out at a later tick, as PUBACKs free room
            }
            device.publish(payload.encode(Payload.nowMicros(), sequence++));
        }
    }

    private PublishingDevice nextWithRoom() {
        for (int tried = 0; tried < devices.size(); tried++) {
            PublishingDevice device = devices.get(next);
            next = (next + 1) % devices.size();
            if (device.hasRoom()) {
                return device;
            }
        }
        return null;
    }

    private boolean stillPublishing() {
        if (publishing && System.nanoTime() >= endNanos) {
            halt();
        }
        return publishing;
    }

    private void halt() {
        publishing = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
