package io.kamea.broker;

import io.kamea.platform.LogSafe;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Takes every message the API's session receives to exactly one acknowledgement, whatever its
 * handling does. Without that, each message whose handling failed stayed unacknowledged in the
 * persistent session; 200 of them (RabbitMQ's {@code mqtt.prefetch}) stopped every command answer
 * for good, across restarts, and one device could publish them.
 * <ul>
 * <li>Paho's thread only queues the message: Paho reads nothing more while its callback runs,
 * and drops the connection if the callback throws.</li>
 * <li>A handler thread fires it to the observers ({@link CommandResponseReceived}). Then it is
 * acknowledged: when they returned, and also when they threw (logged once; the same message
 * would fail the same way again).</li>
 * <li>An observer may ask for another attempt later: the message then stays unacknowledged, no
 * thread waits for it, and the attempt after the delay ends the same way.</li>
 * <li>Only when the application stops first is it left unacknowledged: the broker delivers it
 * again with the session.</li>
 * </ul>
 */
final class ResponseDispatch {

    private static final Logger LOG = Logger.getLogger(ResponseDispatch.class.getName());

    /** Sends one message's acknowledgement (its PUBACK) to the broker. */
    @FunctionalInterface
    interface Acknowledgement {
        void send() throws MqttException;
    }

    private final Executor handlers;
    private final ScheduledExecutorService retries;
    private final Consumer<CommandResponseReceived> observers;

    /**
     * @param handlers  the threads that handle messages (each may hold a database connection)
     * @param retries   only waits for the attempts asked for later, then hands them to {@code handlers}
     * @param observers what handles a message ({@code Event.fire})
     */
    ResponseDispatch(Executor handlers, ScheduledExecutorService retries, Consumer<CommandResponseReceived> observers) {
        this.handlers = handlers;
        this.retries = retries;
        this.observers = observers;
    }

    /** From Paho's thread: queues the first attempt and returns; never throws, never waits. */
    void received(CommandResponseReceived response, Acknowledgement acknowledgement) {
        submit(response, acknowledgement);
    }

    private void submit(CommandResponseReceived response, Acknowledgement acknowledgement) {
        try {
            handlers.execute(() -> attempt(response, acknowledgement));
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Stopping: the response on " + LogSafe.quote(response.topic()) + " comes again with the session");
        }
    }

    void attempt(CommandResponseReceived response, Acknowledgement acknowledgement) {
        try {
            observers.accept(response);
        } catch (Throwable failure) { // NOPMD: whatever the handling throws must end in an acknowledgement
            LOG.warning(() -> "The response on " + LogSafe.quote(response.topic()) + " could not be handled ("
                    + failure.getClass().getName() + "); acknowledged");
            LOG.log(Level.FINE, "Handling a response failed", failure);
            acknowledge(response, acknowledgement);
            return;
        }
        Duration delay = response.retryRequested();
        if (delay == null) {
            acknowledge(response, acknowledgement);
            return;
        }
        try {
            retries.schedule(() -> submit(response.nextAttempt(), acknowledgement), delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Stopping: the response on " + LogSafe.quote(response.topic()) + " comes again with the session");
        }
    }

    private static void acknowledge(CommandResponseReceived response, Acknowledgement acknowledgement) {
        try {
            acknowledgement.send();
        } catch (MqttException | RuntimeException e) {
            // The connection is gone: the broker put the message back in the session and sends it again.
            LOG.fine(() -> "Could not acknowledge the response on " + LogSafe.quote(response.topic()) + ": " + e);
        }
    }
}
