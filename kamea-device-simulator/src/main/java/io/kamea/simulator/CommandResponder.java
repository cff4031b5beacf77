package io.kamea.simulator;

import io.kamea.contract.CommandRequestTopic;
import io.kamea.contract.DeviceTopics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device that answers every command at once: subscribed (QoS 1) to
 * {@code device/<login>/command/request/#}, it publishes a small response QoS 1 on
 * {@code device/<login>/command/response/<command id>} (the request topic's last level); a
 * request on a topic that names no command is counted as failed, not answered. The
 * answer is published from the {@code answering} executor, never inside Paho's callback, which
 * must not wait for the broker.
 */
public final class CommandResponder implements AutoCloseable {

    static final byte[] RESPONSE = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);

    /** Counters shared by all responders. */
    public static final class Counters {
        final LongAdder requests = new LongAdder();
        final LongAdder answered = new LongAdder();
        final LongAdder failed = new LongAdder();

        @Override
        public String toString() {
            return String.format("requests_received=%d responses_acked=%d responses_failed=%d",
                    requests.sum(), answered.sum(), failed.sum());
        }
    }

    private final DeviceCredentials credentials;
    private final DeviceTopics topics;
    private final MqttAsyncClient client;
    private final Executor answering;
    private final Counters counters;
    private final IMqttActionListener onDelivery;

    public CommandResponder(String brokerUrl, DeviceCredentials credentials, Executor answering, Counters counters)
            throws MqttException {
        this.credentials = credentials;
        this.topics = DeviceTopics.of(credentials.login());
        this.client = new MqttAsyncClient(brokerUrl, credentials.login(), new MemoryPersistence());
        this.answering = answering;
        this.counters = counters;
        this.onDelivery = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                counters.answered.increment();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                counters.failed.increment();
            }
        };
    }

    /** Connects over TLS and subscribes; returns once the SUBACK came. */
    public void connect(SSLSocketFactory tls) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setUserName(credentials.login());
        options.setPassword(credentials.password().toCharArray());
        options.setSocketFactory(tls);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(30);
        // every caller may have a command in flight on the same device
        options.setMaxInflight(1_000);
        options.setAutomaticReconnect(false);
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                counters.requests.increment();
                CommandRequestTopic.parse(topic).ifPresentOrElse(
                        request -> answering.execute(() -> answer(request.commandId())),
                        counters.failed::increment);
            }

            @Override
            public void connectionLost(Throwable cause) {
                System.err.println("device " + credentials.name() + " lost its connection: " + cause);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // counted by onDelivery
            }
        });
        client.connect(options).waitForCompletion(30_000);
        client.subscribe(topics.commandRequests(), 1).waitForCompletion(30_000);
    }

    private void answer(String commandId) {
        try {
            client.publish(topics.commandResponse(commandId), RESPONSE, 1, false,
                    null, onDelivery);
        } catch (MqttException | RuntimeException e) {
            counters.failed.increment();
        }
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
