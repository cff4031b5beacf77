package io.kamea.simulator;

import io.kamea.contract.tls.NoDelaySocketFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The publishers of a run as {@link SimulatedDevice}s (a Paho client each) and {@code --threads}
 * {@link PublishLoop}s sharing them out: {@code --client paho}, kept for comparison with
 * {@link EventLoopPublishers}.
 */
final class PahoPublishers implements Publishers {

    private final SimulationRun.Settings settings;
    private final Payload payload;
    private final SSLContext tls;
    private final List<SimulatedDevice> devices = new ArrayList<>();
    private final List<PublishLoop> loops = new ArrayList<>();
    private final ExecutorService threads;

    PahoPublishers(SimulationRun.Settings settings, List<DeviceCredentials> credentials, Payload payload,
                   PublishStatistics statistics, SSLContext tls) throws Exception {
        this.settings = settings;
        this.payload = payload;
        this.tls = tls;
        for (DeviceCredentials device : credentials) {
            devices.add(new SimulatedDevice(settings.broker(), device, settings.stream().topic(device.login()), settings.qos(),
                    settings.window(), statistics));
        }
        this.threads = Executors.newFixedThreadPool(settings.threads());
    }

    @Override
    public void connect() throws Exception {
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
    }

    @Override
    public void start(long startNanos, long endNanos) {
        int count = Math.min(settings.threads(), devices.size());
        for (int t = 0; t < count; t++) {
            List<SimulatedDevice> share = new ArrayList<>();
            for (int i = t; i < devices.size(); i += count) {
                share.add(devices.get(i));
            }
            PublishLoop loop = new PublishLoop(share, settings.rate() / count,
                    settings.rampNanos(), payload, startNanos, endNanos);
            loops.add(loop);
            threads.submit(loop);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        loops.forEach(PublishLoop::stop);
        threads.shutdown();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void awaitIdle(long deadlineMillis) throws InterruptedException {
        for (SimulatedDevice device : devices) {
            device.awaitIdle(deadlineMillis);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        devices.parallelStream().forEach(SimulatedDevice::close);
    }
}
