package io.kamea.simulator;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.mqtt.MqttClientOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.TrustManagerFactory;

/**
 * The publishers of a run on one Vert.x instance with a few event loops ({@code --event-loops},
 * default 1), the devices spread over them in {@link DeviceGroup}s. Paho costs each message
 * several thread wake-ups (caller, CommsSender, CommsReceiver, CommsCallback of every client) and
 * a socket write of its own; here a message costs none of the first and shares the second.
 */
final class EventLoopPublishers implements Publishers {

    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;

    // Vert.x logs through java.util.logging here (SLF4J is bound to the silent binding): its
    // warnings, but nothing from the MQTT client, which logs every connection and every refusal
    // (with a stack trace) that connect() and PublishingDevice report in one line. Held in fields
    // so that the levels are not collected with the loggers.
    private static final Logger VERTX_LOG = Logger.getLogger("io.vertx");
    private static final Logger MQTT_CLIENT_LOG = Logger.getLogger("io.vertx.mqtt");

    static {
        VERTX_LOG.setLevel(Level.WARNING);
        MQTT_CLIENT_LOG.setLevel(Level.OFF);
    }

    private final Vertx vertx;
    private final List<DeviceGroup> groups = new ArrayList<>();

    EventLoopPublishers(SimulationRun.Settings settings, List<DeviceCredentials> credentials, Payload payload,
                        PublishStatistics statistics, TrustManagerFactory trust) {
        URI broker = URI.create(settings.broker().brokerUrl());
        if (!"ssl".equals(broker.getScheme()) || broker.getPort() < 0) {
            throw new IllegalArgumentException("the broker URL must be ssl://host:port, got " + broker);
        }
        int loops = Math.max(1, Math.min(settings.eventLoops(), credentials.size()));
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(loops)
                .setPreferNativeTransport(true)
                // nothing to serve from files: no cache directory left in /tmp
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        MqttQoS qos = MqttQoS.valueOf(settings.qos());
        for (int g = 0; g < loops; g++) {
            List<PublishingDevice> share = new ArrayList<>();
            for (int i = g; i < credentials.size(); i += loops) {
                DeviceCredentials device = credentials.get(i);
                share.add(new PublishingDevice(vertx, options(settings, trust, device),
                        settings.stream().topic(device.login()), qos, settings.window(), statistics,
                        settings.label()));
            }
            groups.add(new DeviceGroup(share, broker.getHost(), broker.getPort(), settings.rate() / loops,
                    settings.rampNanos(), payload));
        }
    }

    private static MqttClientOptions options(SimulationRun.Settings settings, TrustManagerFactory trust,
                                             DeviceCredentials device) {
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(device.login())
                .setUsername(settings.broker().userName(device.login()))
                .setPassword(device.password())
                .setCleanSession(true)
                .setKeepAliveInterval(settings.broker().keepAliveSeconds())
                .setMaxInflightQueue(settings.window())
                .setSsl(true)
                .setTrustOptions(TrustOptions.wrap(trust))
                .setHostnameVerificationAlgorithm("HTTPS"); // as Paho does
        options.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        options.setTcpNoDelay(true); // MQTT's small packets must not wait for delayed ACKs (NoDelaySocketFactory)
        return options;
    }

    @Override
    public void connect() throws Exception {
        List<Future<String>> deployed = new ArrayList<>();
        for (DeviceGroup group : groups) {
            // each deployment gets the next event loop: one group per loop
            deployed.add(vertx.deployVerticle(group));
        }
        await(Future.all(deployed), 2L * CONNECT_TIMEOUT_MILLIS);
    }

    @Override
    public void start(long startNanos, long endNanos) {
        groups.forEach(group -> group.publish(startNanos, endNanos));
    }

    @Override
    public void stop() throws InterruptedException {
        try {
            await(Future.all(groups.stream().map(DeviceGroup::stopPublishing).toList()), 5_000);
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("the event loops did not stop publishing in time: " + e);
        }
    }

    @Override
    public void awaitIdle(long deadlineMillis) throws InterruptedException {
        while (!groups.stream().allMatch(DeviceGroup::isIdle) && System.currentTimeMillis() < deadlineMillis) {
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        try {
            await(Future.join(groups.stream().map(DeviceGroup::disconnect).toList()), 5_000);
            await(vertx.close(), 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("closing the MQTT connections: " + e);
        }
    }

    /** Waits for a Vert.x future from a thread outside Vert.x; a failure's cause is thrown as is. */
    private static void await(Future<?> future, long timeoutMillis)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            future.toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
