package io.kamea.simulator;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One device: a Paho asynchronous client with the device's credentials (client id = login) and a
 * window of unacknowledged publishes, so that a fast publisher waits for PUBACKs instead of
 * overrunning Paho's in-flight limit.
 */
public final class SimulatedDevice implements AutoCloseable {

    private final DeviceCredentials credentials;
    private final MqttAsyncClient client;
    private final String topic;
    private final int qos;
    private final int window;
    private final Semaphore inFlight;
    private final PublishStatistics statistics;
    private final IMqttActionListener onDelivery;

    /**
     * @param topicSuffix what follows {@code device/<login>/}, e.g. {@code telemetries}
     * @param window the most publishes awaiting their PUBACK
     */
    public SimulatedDevice(String brokerUrl, DeviceCredentials credentials, String topicSuffix, int qos, int window,
                           PublishStatistics statistics) throws MqttException {
        this.credentials = credentials;
        this.client = new MqttAsyncClient(brokerUrl, credentials.login(), new MemoryPersistence());
        this.topic = "device/" + credentials.login() + "/" + topicSuffix;
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
        options.setUserName(credentials.login());
        options.setPassword(credentials.password().toCharArray());
        options.setSocketFactory(tls);
        options.setKeepAliveInterval(30);
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
