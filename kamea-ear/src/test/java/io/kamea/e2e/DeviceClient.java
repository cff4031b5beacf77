package io.kamea.e2e;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import javax.net.ssl.SSLContext;

/** A real device: Paho over TLS, which notices when the broker drops it. */
final class DeviceClient implements AutoCloseable, MqttCallback {

    record Received(String topic, String payload, boolean retained) {
    }

    private final MqttClient client;
    private final CountDownLatch lost = new CountDownLatch(1);
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private DeviceClient(String clientId) throws MqttException {
        client = new MqttClient(Stack.MQTT_URL, clientId, new MemoryPersistence());
        client.setCallback(this);
    }

    /** Connects with the given credentials (null for none); throws if the broker refuses. */
    static DeviceClient connect(String clientId, String login, String password) throws MqttException {
        return connect(clientId, login, password, Stack.tls());
    }

    /**
     * Connects with a client certificate alone (no user name, no password), as a certificate
     * device does; throws if the broker refuses.
     */
    static DeviceClient connectWithCertificate(String clientId, Path certificatePem, Path keyPem) throws MqttException {
        return connect(clientId, null, null, Stack.tlsWithClientCertificate(certificatePem, keyPem));
    }

    /**
     * Refused for the certificate itself, not for a missing account (see Stack.AlwaysPresent): the
     * broker ends the TLS handshake with an alert and closes the connection. The client sends its
     * whole flight (certificate, proof of its key, Finished) at once, so it sees either the alert
     * or, when the broker had closed first, a broken pipe; a refused login would be a CONNACK
     * return code instead.
     */
    static void assertRefusedDuringTheTlsHandshake(String clientId, Path certificatePem, Path keyPem) {
        MqttException refused = org.junit.jupiter.api.Assertions.assertThrows(MqttException.class,
                () -> connectWithCertificate(clientId, certificatePem, keyPem).close());
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof javax.net.ssl.SSLException || cause instanceof java.net.SocketException) {
                org.junit.jupiter.api.Assertions.assertFalse(
                        refused.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                        || refused.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED, refused.toString());
                return;
            }
        }
        org.junit.jupiter.api.Assertions.fail("refused, but not by TLS: " + refused + " (reason code "
                + refused.getReasonCode() + ")");
    }

    private static DeviceClient connect(String clientId, String login, String password, SSLContext tls)
            throws MqttException {
        DeviceClient device = new DeviceClient(clientId);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(tls.getSocketFactory());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        // Paho counts a publish out of flight only after its token completed: back-to-back
        // synchronous publishes could see "too many publishes in progress" (32202) at the default 10
        options.setMaxInflight(1_000);
        if (login != null) {
            options.setUserName(login);
            options.setPassword(password.toCharArray());
        }
        try {
            device.client.connect(options);
        } catch (MqttException e) {
            device.client.close();
            throw e;
        }
        return device;
    }

    void publish(String topic, String payload) throws MqttException {
        publish(topic, payload.getBytes());
    }

    /** QoS 1: returns once the broker acknowledged it (it took the message), throws if it did not. */
    void publish(String topic, byte[] payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        client.publish(topic, message);
    }

    /**
     * Publishes and waits at most {@code seconds} for the broker to take the message (QoS 1: its
     * PUBACK; QoS 0: the write to the socket): false if it did not in time or the connection was
     * lost meanwhile. {@link #publish} would wait for ever for a PUBACK that never comes.
     */
    boolean publishTakenWithin(String topic, byte[] payload, int qos, long seconds) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        try {
            client.getTopic(topic).publish(message).waitForCompletion(TimeUnit.SECONDS.toMillis(seconds));
            return true;
        } catch (MqttException e) {
            return false; // timed out (REASON_CODE_CLIENT_TIMEOUT) or the connection was lost
        }
    }

    /** The QoS the broker granted, 128 if it refused the subscription. */
    int subscribe(String filter) throws MqttException {
        return client.subscribeWithResponse(filter, 1).getGrantedQos()[0];
    }

    boolean droppedWithin(long seconds) throws InterruptedException {
        return lost.await(seconds, TimeUnit.SECONDS);
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void connectionLost(Throwable cause) {
        lost.countDown();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        received.add(new Received(topic, new String(message.getPayload()), message.isRetained()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
        } catch (MqttException e) {
            // the broker may already have dropped us; closing is all that matters
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing left to release
        }
    }
}
