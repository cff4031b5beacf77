package io.kamea.simulator;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;

/**
 * One device of the event-loop publishers: a Vert.x MQTT client and its {@link PublishWindow}.
 * Used only on its group's event loop, where the client calls back (acknowledgements, close).
 */
final class PublishingDevice {

    private final MqttClient client;
    private final String login;
    private final String topic;
    private final MqttQoS qos;
    private final PublishWindow window;
    private final PublishStatistics statistics;
    private final String label;
    private Handler<PublishingDevice> onAcknowledged = device -> { };
    private boolean disconnecting;

    /**
     * @param options the client's options, client id = login
     * @param topic where it publishes
     * @param label the run's label, for the line printed when the broker closes the connection
     */
    PublishingDevice(Vertx vertx, MqttClientOptions options, String topic, MqttQoS qos, int window,
                     PublishStatistics statistics, String label) {
        this.client = MqttClient.create(vertx, options);
        this.login = options.getClientId();
        this.topic = topic;
        this.qos = qos;
        this.window = new PublishWindow(window);
        this.statistics = statistics;
        this.label = label;
        // QoS 1 and 2 complete on PUBACK / PUBCOMP; QoS 0 once written (see publish)
        client.publishCompletionHandler(packetId -> settle(true));
        client.closeHandler(closed -> connectionLost());
    }

    /** Who is told when a publish was acknowledged (room in the window again). */
    void onAcknowledged(Handler<PublishingDevice> handler) {
        this.onAcknowledged = handler;
    }

    /** Connects; completes on the CONNACK, fails with the device's login in the message. */
    Future<Void> connect(String host, int port) {
        return client.connect(port, host)
                .<Void>map(connAck -> {
                    window.open();
                    return null;
                })
                .recover(failure -> Future.failedFuture(new IllegalStateException(
                        "device " + login + " could not connect to " + host + ":" + port + ": " + failure, failure)));
    }

    boolean hasRoom() {
        return window.hasRoom();
    }

    boolean isIdle() {
        return window.isIdle();
    }

    /** Sends one message; call only when {@link #hasRoom()}. */
    void publish(byte[] payload) {
        Future<Integer> written;
        try {
            written = client.publish(topic, Buffer.buffer(payload), qos, false, false);
        } catch (RuntimeException closedMeanwhile) { // the client has no connection any more
            written = Future.failedFuture(closedMeanwhile);
        }
        if (written.failed()) {
            // refused before it was sent (no connection, in-flight limit): not published, as with Paho
            statistics.countFailed();
            window.shut();
            return;
        }
        window.sent();
        statistics.countPublished();
        if (qos == MqttQoS.AT_MOST_ONCE) {
            written.onComplete(result -> settle(result.succeeded()));
        } else {
            written.onFailure(failure -> settle(false));
        }
    }

    private void settle(boolean acknowledged) {
        if (!window.settle()) {
            return;
        }
        if (acknowledged) {
            statistics.countAcked();
            onAcknowledged.handle(this);
        } else {
            statistics.countFailed();
        }
    }

    private void connectionLost() {
        int unacknowledged = window.abandon();
        statistics.countFailed(unacknowledged);
        if (!disconnecting) {
            System.out.printf("[%s] device %s: the broker closed the connection (%d publishes unacknowledged)%n",
                    label, login, unacknowledged);
        }
    }

    /** Sends DISCONNECT and closes; completes when closed (at once if it is not connected). */
    Future<Void> disconnect() {
        disconnecting = true;
        return client.disconnect();
    }
}
