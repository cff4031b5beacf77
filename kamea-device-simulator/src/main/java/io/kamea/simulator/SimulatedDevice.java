package io.kamea.simulator;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One device: a Paho asynchronous client with the device's credentials (client id = login) and a
 * window of unacknowledged publishes, so that a fast publisher waits for PUBACKs instead of
 * overrunning Paho's in-flight limit.
 */
public final class SimulatedDevice implements AutoCloseable {

    /**
     * How a device reaches the broker. {@code vhost}: null for the broker's MQTT default, else
     * the user name is {@code vhost:login} (RabbitMQ's MQTT plugin picks the vhost from it).
     * {@code pings}: null for Paho's own timer thread per client, else a scheduler shared by
     * many clients (thousands of idle devices in one JVM).
     */
    public record Access(String brokerUrl, String vhost, int keepAliveSeconds, ScheduledExecutorService pings) {

        /** The broker's default vhost, keep-alive 30 s, a ping timer per client. */
        public static Access to(String brokerUrl) {
            return new Access(brokerUrl, null, 30, null);
        }

        String userName(String login) {
            return vhost == null || vhost.isEmpty() ? login : vhost + ":" + login;
        }
    }

    private final DeviceCredentials credentials;
    private final Access access;
    private final MqttAsyncClient client;
    private final String topic;
    private final int qos;
    private final int window;
    private final Semaphore inFlight;
    private final PublishStatistics statistics;
    private final IMqttActionListener onDelivery;

    /**
     * @param topic where it publishes, one of its own ({@link Stream})
     * @param window the most publishes awaiting their PUBACK
     */
    public SimulatedDevice(Access access, DeviceCredentials credentials, String topic, int qos,
                           int window, PublishStatistics statistics) throws MqttException {
        this.credentials = credentials;
        this.access = access;
        this.client = access.pings() == null
                ? new MqttAsyncClient(access.brokerUrl(), credentials.login(), new MemoryPersistence())
                : new MqttAsyncClient(access.brokerUrl(), credentials.login(), new MemoryPersistence(),
                        new ScheduledExecutorPingSender(access.pings()), null);
        this.topic = topic;
        this.qos = qos;
        this.window = window;
        this.inFlight = new Semaphore(window);
        this.statistics = statistics;
        this.onDelivery = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                inFlight.release();
                statistics.countAcked();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                inFlight.release();
                statistics.countFailed();
            }
        };
    }

    /** Connects over TLS and waits for the CONNACK. */
    public void connect(SSLSocketFactory tls) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setUserName(access.userName(credentials.login()));
        options.setPassword(credentials.password().toCharArray());
        options.setSocketFactory(tls);
        options.setKeepAliveInterval(access.keepAliveSeconds());
        options.setConnectionTimeout(30);
        options.setMaxInflight(window);
        options.setAutomaticReconnect(false);
        client.connect(options).waitForCompletion(30_000);
    }

    /**
     * Publishes once a slot of the window is free; returns false if none freed up within the
     * timeout or the client refused the message.
     */
    public boolean publish(byte[] payload, long timeoutMillis) throws InterruptedException {
        if (!inFlight.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            client.publish(topic, payload, qos, false, null, onDelivery);
            statistics.countPublished();
            return true;
        } catch (MqttException | RuntimeException e) {
            inFlight.release();
            statistics.countFailed();
            return false;
        }
    }

    /** Waits until every publish is acknowledged or failed, at most until the deadline (ms). */
    public boolean awaitIdle(long deadlineMillis) throws InterruptedException {
        long wait = deadlineMillis - System.currentTimeMillis();
        if (wait <= 0 || !inFlight.tryAcquire(window, wait, TimeUnit.MILLISECONDS)) {
            return false;
        }
        inFlight.release(window);
        return true;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            // the broker closed it already
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing left to release
        }
    }
}
