package io.kamea.simulator;

import io.kamea.contract.DeviceTopics;
import io.kamea.contract.tls.NoDelaySocketFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Many idle devices for the connectivity poll: connects them all (keep-alive only, no traffic),
 * checks that the API counts them as connected, measures CPU while they stay idle (the
 * platform polls the broker meanwhile), times the poll's listing, then disconnects them.
 */
public final class ConnectivityRun {

    /** What to run. */
    public record Settings(SimulatedDevice.Access broker, int connectParallel, int settleSeconds, int cpuSeconds,
                           int listings, String vhost, String label) {
    }

    private final Settings settings;
    private final List<DeviceCredentials> credentials;
    private final KameaApi api;
    private final ConnectionListing listing;
    private final ProcessCpu cpu;

    public ConnectivityRun(Settings settings, List<DeviceCredentials> credentials, KameaApi api,
                           ConnectionListing listing, ProcessCpu cpu) {
        this.settings = settings;
        this.credentials = credentials;
        this.api = api;
        this.listing = listing;
        this.cpu = cpu;
    }

    /** Runs to the end and returns the RESULT line. */
    public String run(SSLContext tls) throws Exception {
        long baseline = api.connectedDeviceCount();
        ConnectionListing.Result before = listing.list(settings.vhost());
        System.out.printf("[%s] before: the API counts %d connected devices; the broker lists %d connections (%d in %s)%n",
                settings.label(), baseline, before.connections(), before.inVhost(), settings.vhost());
        List<SimulatedDevice> devices = new ArrayList<>();
        try {
            double connectSeconds = connect(devices, tls);
            long connected = devices.stream().filter(SimulatedDevice::isConnected).count();
            long connectedAt = System.nanoTime();

            // The events should make the count right within a second; the poll repairs what they miss.
            long expected = baseline + connected;
            double matchedAfter = -1;
            long count = -1;
            long settleEnd = connectedAt + TimeUnit.SECONDS.toNanos(settings.settleSeconds());
            while (System.nanoTime() < settleEnd) {
                count = api.connectedDeviceCount();
                if (count == expected && matchedAfter < 0) {
                    matchedAfter = (System.nanoTime() - connectedAt) / 1e9;
                }
                Thread.sleep(1_000);
            }
            count = api.connectedDeviceCount();
            System.out.printf("[%s] %d s after the last connection: the API counts %d connected (expected %d)%s%n",
                    settings.label(), settings.settleSeconds(), count, expected,
                    matchedAfter >= 0 ? String.format(", right %.0f s after", matchedAfter) : "");

            System.out.printf("[%s] measuring CPU for %d s, devices idle%n", settings.label(), settings.cpuSeconds());
            cpu.start();
            Thread.sleep(TimeUnit.SECONDS.toMillis(settings.cpuSeconds()));
            String cpuUse = cpu.stop();
            long stillConnected = devices.stream().filter(SimulatedDevice::isConnected).count();

            double[] millis = new double[settings.listings()];
            ConnectionListing.Result last = null;
            for (int i = 0; i < millis.length; i++) {
                last = listing.list(settings.vhost());
                millis[i] = last.millis();
                System.out.printf("[%s] listing %d: %d connections (%d in %s), %d pages, %d bytes, %.0f ms%n",
                        settings.label(), i + 1, last.connections(), last.inVhost(), settings.vhost(), last.pages(),
                        last.bytes(), last.millis());
            }
            long countAfter = api.connectedDeviceCount();
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return String.format("RESULT label=%s devices=%d connected=%d connect_s=%.1f still_connected=%d"
                            + " api_connected=%d api_expected=%d api_match=%s api_match_after_s=%.0f api_connected_end=%d"
                            + " listed=%d listed_in_vhost=%d pages=%d bytes=%d listing_ms_min=%.0f listing_ms_median=%.0f"
                            + " listing_ms_max=%.0f %s",
                    settings.label(), credentials.size(), connected, connectSeconds, stillConnected, count - baseline,
                    connected, count == expected ? "yes" : "no", matchedAfter, countAfter - baseline,
                    last == null ? 0 : last.connections(), last == null ? 0 : last.inVhost(),
                    last == null ? 0 : last.pages(), last == null ? 0 : last.bytes(), sorted.length > 0 ? sorted[0] : 0,
                    sorted.length > 0 ? sorted[sorted.length / 2] : 0, sorted.length > 0 ? sorted[sorted.length - 1] : 0,
                    cpuUse);
        } finally {
            long started = System.nanoTime();
            ExecutorService closing = Executors.newFixedThreadPool(32);
            devices.forEach(d -> closing.execute(d::close));
            closing.shutdown();
            closing.awaitTermination(120, TimeUnit.SECONDS);
            System.out.printf("[%s] %d devices disconnected in %.1f s%n", settings.label(), devices.size(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** Connects every device, a few TLS handshakes at a time; failures are counted, not fatal. */
    private double connect(List<SimulatedDevice> devices, SSLContext tls) throws Exception {
        long started = System.nanoTime();
        PublishStatistics unused = new PublishStatistics();
        for (DeviceCredentials device : credentials) {
            devices.add(new SimulatedDevice(settings.broker(), device, DeviceTopics.of(device.login()).telemetry(), 1, 1, unused));
        }
        ExecutorService connectors = Executors.newFixedThreadPool(settings.connectParallel());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SimulatedDevice device : devices) {
                futures.add(connectors.submit(() -> {
                    try {
                        device.connect(new NoDelaySocketFactory(tls.getSocketFactory()));
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 5) {
                            System.err.println("connect failed: " + e);
                        }
                    }
                    int n = done.incrementAndGet();
                    if (n % 1000 == 0) {
                        System.out.printf("[%s] %d connected (%.1f s)%n", settings.label(), n,
                                (System.nanoTime() - started) / 1e9);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            connectors.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[%s] %d of %d devices connected over TLS in %.1f s (%d failed), keep-alive %d s%n",
                settings.label(), devices.size() - failed.get(), devices.size(), seconds, failed.get(),
                settings.broker().keepAliveSeconds());
        return seconds;
    }

    /** A small scheduler for the keep-alive pings of thousands of clients. */
    static ScheduledExecutorService pingScheduler() {
        return Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "mqtt-pings");
            t.setDaemon(true);
            return t;
        });
    }
}
