package io.kamea.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * One measured run: connects the devices, starts the receiver, publishes for the duration
 * (the window opens after the warm-up), waits for the receiver to catch up (bounded), then prints
 * a summary: a human line and a machine-readable {@code RESULT key=value ...} line.
 */
public final class SimulationRun {

    /** What to run. {@code rate} is aggregate msg/s, 0 for as fast as possible. */
    public record Settings(SimulatedDevice.Access broker, String topicSuffix, int qos, int window, int threads, double rate,
                           int durationSeconds, int warmupSeconds, int drainSeconds, int reportSeconds, String label) {
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
    public String run(SSLContext tls) throws Exception {
        List<SimulatedDevice> devices = new ArrayList<>();
        ExecutorService publishers = Executors.newFixedThreadPool(settings.threads());
        try {
            if (receiver != null) {
                receiver.start();
            }
            connect(devices, tls);
            return publishAndMeasure(devices, publishers);
        } finally {
            publishers.shutdownNow();
            devices.parallelStream().forEach(SimulatedDevice::close);
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    private void connect(List<SimulatedDevice> devices, SSLContext tls) throws Exception {
        long started = System.nanoTime();
        for (DeviceCredentials device : credentials) {
            devices.add(new SimulatedDevice(settings.broker(), device, settings.topicSuffix(), settings.qos(),
                    settings.window(), statistics));
        }
        // TLS handshakes in parallel, a few at a time
        ExecutorService connectors = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (SimulatedDevice device : devices) {
                done.add(connectors.submit(() -> {
                    device.connect(new NoDelaySocketFactory(tls.getSocketFactory()));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            connectors.shutdown();
        }
        System.out.printf("[%s] %d devices connected over TLS in %.1f s%n", settings.label(), devices.size(),
                (System.nanoTime() - started) / 1e9);
    }

    private String publishAndMeasure(List<SimulatedDevice> devices, ExecutorService publishers) throws Exception {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(settings.durationSeconds());
        List<PublishLoop> loops = new ArrayList<>();
        int threads = Math.min(settings.threads(), devices.size());
        for (int t = 0; t < threads; t++) {
            List<SimulatedDevice> share = new ArrayList<>();
            for (int i = t; i < devices.size(); i += threads) {
                share.add(devices.get(i));
            }
            PublishLoop loop = new PublishLoop(share, settings.rate() / threads, payload, start, end);
            loops.add(loop);
            publishers.submit(loop);
        }
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
        loops.forEach(PublishLoop::stop);
        publishers.shutdown();
        publishers.awaitTermination(5, TimeUnit.SECONDS);
        long windowEnd = System.nanoTime();
        long ackedInWindow = statistics.acked() - ackedAtWindowStart;
        if (receiver != null) {
            receiver.reception().closeWindow(Payload.nowMicros());
        }
        String cpuUse = cpu.stop();
        double windowSeconds = (windowEnd - windowStart) / 1e9;
        long drainStarted = System.nanoTime();
        drain(devices);
        double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
        progress.report();
        return summary(windowSeconds, ackedInWindow, drainSeconds, cpuUse);
    }

    /** Waits for the PUBACKs, then for the receiver to get everything acknowledged, both bounded. */
    private void drain(List<SimulatedDevice> devices) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(settings.drainSeconds());
        for (SimulatedDevice device : devices) {
            device.awaitIdle(deadline);
        }
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
