package io.kamea.simulator;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One measured run: connects the devices, starts the receiver, publishes for the duration
 * (the window opens after the warm-up), waits for the receiver to catch up (bounded), then prints
 * a summary: a human line and a machine-readable {@code RESULT key=value ...} line.
 */
public final class SimulationRun {

    /**
     * What to run. {@code rate} is aggregate msg/s, 0 for as fast as possible, reached after
     * {@code rampSeconds} of linear rise ({@link PublishSchedule}). {@code client}: which
     * {@link Publishers}; {@code threads} counts for Paho's, {@code eventLoops} for Vert.x's.
     */
    public record Settings(SimulatedDevice.Access broker, Stream stream, int qos, int window, Client client,
                           int threads, int eventLoops, double rate, int rampSeconds, int durationSeconds, int warmupSeconds,
                           int drainSeconds, int reportSeconds, String label) {

        long rampNanos() {
            return TimeUnit.SECONDS.toNanos(rampSeconds);
        }
    }

    /** The MQTT client the devices publish with. */
    public enum Client {
        /** Vert.x MQTT clients on a few event loops ({@link EventLoopPublishers}), the default. */
        VERTX,
        /** A Paho client per device and publishing threads ({@link PahoPublishers}). */
        PAHO
    }

    private final Settings settings;
    private final List<DeviceCredentials> credentials;
    private final Payload payload;
    private final Receiver receiver;
    private final ProcessCpu cpu;
    private final PublishStatistics statistics = new PublishStatistics();

    /** @param receiver what to measure downstream, or null for publishing only */
    public SimulationRun(Settings settings, List<DeviceCredentials> credentials, Payload payload, Receiver receiver,
                         ProcessCpu cpu) {
        this.settings = settings;
        this.credentials = credentials;
        this.payload = payload;
        this.receiver = receiver;
        this.cpu = cpu;
    }

    /** Runs to the end and returns the RESULT line. */
    public String run(SSLContext tls, TrustManagerFactory trust) throws Exception {
        Publishers publishers = settings.client() == Client.PAHO
                ? new PahoPublishers(settings, credentials, payload, statistics, tls)
                : new EventLoopPublishers(settings, credentials, payload, statistics, trust);
        try {
            if (receiver != null) {
                receiver.start();
            }
            long started = System.nanoTime();
            publishers.connect();
            System.out.printf("[%s] %d devices connected over TLS in %.1f s%n", settings.label(), credentials.size(),
                    (System.nanoTime() - started) / 1e9);
            return publishAndMeasure(publishers);
        } finally {
            publishers.close();
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    private String publishAndMeasure(Publishers publishers) throws Exception {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(settings.durationSeconds());
        publishers.start(start, end);
        ProgressReporter progress = new ProgressReporter(settings.label(), statistics, receiver);
        long windowStart = start + TimeUnit.SECONDS.toNanos(settings.warmupSeconds());
        long ackedAtWindowStart = 0;
        boolean windowOpen = false;
        long nextReport = start + TimeUnit.SECONDS.toNanos(settings.reportSeconds());
        while (System.nanoTime() < end) {
            Thread.sleep(100);
            long now = System.nanoTime();
            if (!windowOpen && now >= windowStart) {
                windowOpen = true;
                ackedAtWindowStart = statistics.acked();
                if (receiver != null) {
                    receiver.reception().openWindow(Payload.nowMicros());
                }
                cpu.start();
            }
            if (now >= nextReport) {
                progress.report();
                nextReport += TimeUnit.SECONDS.toNanos(settings.reportSeconds());
            }
        }
        publishers.stop();
        long windowEnd = System.nanoTime();
        long ackedInWindow = statistics.acked() - ackedAtWindowStart;
        if (receiver != null) {
            receiver.reception().closeWindow(Payload.nowMicros());
        }
        String cpuUse = cpu.stop();
        double windowSeconds = (windowEnd - windowStart) / 1e9;
        long drainStarted = System.nanoTime();
        drain(publishers);
        double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
        progress.report();
        return summary(windowSeconds, ackedInWindow, drainSeconds, cpuUse);
    }

    /** Waits for the PUBACKs, then for the receiver to get everything acknowledged, both bounded. */
    private void drain(Publishers publishers) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(settings.drainSeconds());
        publishers.awaitIdle(deadline);
        if (receiver == null) {
            return;
        }
        while (receiver.reception().received() < statistics.acked() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    private String summary(double windowSeconds, long ackedInWindow, double drainSeconds, String cpuUse) {
        StringBuilder result = new StringBuilder("RESULT label=" + settings.label());
        result.append(String.format(" devices=%d qos=%d target_rate=%.0f window_s=%.1f published=%d acked=%d failed=%d"
                        + " publish_rate=%.0f", credentials.size(), settings.qos(), settings.rate(), windowSeconds,
                statistics.published(), statistics.acked(), statistics.failed(), ackedInWindow / windowSeconds));
        if (receiver != null) {
            Reception r = receiver.reception();
            result.append(String.format(" received=%d receive_rate=%.0f lost=%d drain_s=%.1f p50_ms=%.1f p99_ms=%.1f"
                            + " max_ms=%.1f", r.received(), r.receivedInWindow() / windowSeconds,
                    Math.max(0, statistics.acked() - r.received()), drainSeconds, r.latency().percentileMillis(0.50),
                    r.latency().percentileMillis(0.99), r.latency().percentileMillis(1.0)));
            String details = receiver.details();
            if (!details.isEmpty()) {
                result.append(' ').append(details);
            }
        }
        result.append(' ').append(cpuUse);
        return result.toString();
    }
}
