package io.kamea.broker;

import io.kamea.contract.DeviceTopics;
import io.kamea.contract.tls.NoDelaySocketFactory;
import io.kamea.contract.tls.PemTrust;
import io.kamea.platform.LogSafe;
import io.kamea.platform.MessageLimits;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The API's own MQTT session: it publishes desired configurations and command requests, and
 * receives every device's command responses (these must not wait in the ingestion queues).
 * The session is persistent, so its subscription and unacknowledged responses survive
 * reconnections; a response is acknowledged once it was handled, whatever became of it
 * ({@link ResponseDispatch}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MqttGateway {

    private static final Logger LOG = Logger.getLogger(MqttGateway.class.getName());
    static final String RESPONSES = DeviceTopics.ofAnyDevice().commandResponses();

    @Inject
    MqttSessionSettings sessionSettings;

    @Inject
    BrokerSettings settings;

    @Inject
    Event<CommandResponseReceived> responses;

    @Inject
    MessageLimits limits;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    /**
     * Handles command responses off Paho's thread. Its own threads, made once: submitting to the
     * managed executor captures the caller's context at every task, which under load cost more
     * than handling the response (measured). Each handler holds a database connection briefly.
     * Its queue needs no bound: the broker sends at most {@code mqtt.prefetch} (200) responses
     * the session has not acknowledged.
     */
    private ThreadPoolExecutor responseHandlers;

    /** Waits for the responses to be handled again later, and hands them back to the handlers. */
    private ScheduledThreadPoolExecutor responseRetries;

    private ResponseDispatch dispatch;

    private static final int RESPONSE_HANDLERS = 8;

    /**
     * Counts the connections lost. An acknowledgement names a message id of the connection the
     * message came on; after a reconnection the same id may be another message, and the first
     * one is back in the session, coming again: an acknowledgement for a lost connection is not sent.
     */
    private final AtomicLong connectionsLost = new AtomicLong();

    private static final long OPERATION_TIMEOUT_MILLIS = 10_000;

    private volatile MqttAsyncClient client;
    private volatile MqttAsyncClient connecting;
    private volatile boolean stopped;

    public boolean enabled() {
        return sessionSettings.enabled();
    }

    /** The broker's MQTT URL. */
    public String url() {
        return sessionSettings.url();
    }

    public String clientId() {
        return sessionSettings.clientId();
    }

    public boolean connected() {
        MqttAsyncClient current = client;
        return current != null && current.isConnected();
    }

    @PostConstruct
    void start() {
        if (!enabled()) {
            LOG.info("USE_MQTT is false: the API's MQTT client is off");
            return;
        }
        responseHandlers = new ThreadPoolExecutor(RESPONSE_HANDLERS, RESPONSE_HANDLERS, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        // Made now, on a thread of the application: a thread made later would be made on Paho's.
        responseHandlers.prestartAllCoreThreads();
        responseRetries = new ScheduledThreadPoolExecutor(1, threads);
        responseRetries.prestartAllCoreThreads();
        dispatch = new ResponseDispatch(responseHandlers, responseRetries, responses::fire);
        scheduler.execute(this::connectUntilDone);
    }

    /** Paho reconnects by itself once connected; the first connection is ours to retry. */
    private void connectUntilDone() {
        if (stopped) {
            return;
        }
        try {
            MqttAsyncClient created = new MqttAsyncClient(url(), clientId(), new MemoryPersistence());
            created.setCallback(new Callback(created));
            created.setManualAcks(true);
            connecting = created;
            created.connect(options()).waitForCompletion(OPERATION_TIMEOUT_MILLIS);
            client = created;
        } catch (MqttException | RuntimeException e) {
            closeQuietly(connecting);
            LOG.warning(() -> "MQTT connection to " + url() + " failed, retrying in 5 s: " + e.getMessage());
            scheduler.schedule(this::connectUntilDone, 5, TimeUnit.SECONDS);
        }
    }

    private MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(5_000);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        // many commands may be in flight at once, each waiting for its PUBACK
        options.setMaxInflight(10_000);
        options.setUserName(sessionSettings.login());
        options.setPassword(sessionSettings.password().toCharArray());
        options.setSocketFactory(new NoDelaySocketFactory(tls().getSocketFactory()));
        return options;
    }

    private SSLContext tls() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (settings.caPath().isPresent()) {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(PemTrust.keyStore(Path.of(settings.caPath().get())));
                context.init(null, trust.getTrustManagers(), null);
            } else {
                context.init(null, null, null);
            }
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for MQTT", e);
        }
    }

    /**
     * Publishes with QoS 1 and returns once the client took the message: it keeps it until the
     * broker acknowledges it and sends it again after a reconnection (persistent session). Not
     * waiting for each acknowledgement in turn is what lets many commands be in flight at once.
     */
    public void publish(String topic, byte[] payload, boolean retained) {
        send(topic, payload, retained);
    }

    /**
     * Removes the retained message of a topic (an empty retained publication) and returns once
     * the broker acknowledged it: RabbitMQ hands the removal to its retained-message store before
     * it acknowledges, so a subscription made afterwards, by anyone, finds nothing. Throws
     * {@link MqttUnavailableException} when that does not happen within 10 s.
     */
    public void clearRetained(String topic) {
        try {
            send(topic, new byte[0], true).waitForCompletion(OPERATION_TIMEOUT_MILLIS);
        } catch (MqttException e) {
            throw new MqttUnavailableException("Clearing the retained message of " + topic + " failed: "
                    + e.getMessage(), e);
        }
    }

    private IMqttDeliveryToken send(String topic, byte[] payload, boolean retained) {
        limits.requireFits("The message to " + topic, payload.length);
        MqttAsyncClient current = client;
        if (!enabled() || current == null || !current.isConnected()) {
            throw new MqttUnavailableException(enabled()
                    ? "The API is not connected to the MQTT broker (" + url() + ")"
                    : "MQTT is disabled (USE_MQTT is false)", null);
        }
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            message.setRetained(retained);
            return current.publish(topic, message);
        } catch (MqttException e) {
            throw new MqttUnavailableException("Publishing to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /** Paho's callbacks, kept off the bean's business interface. */
    private final class Callback implements MqttCallbackExtended {

        private final MqttAsyncClient session;

        Callback(MqttAsyncClient session) {
            this.session = session;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info(() -> (reconnect ? "Reconnected" : "Connected") + " to " + serverUri + " as " + clientId());
            // Harmless when the persistent session already has it; needed on its first start.
            // Not on this thread: Paho's callbacks must not wait for the broker.
            executor.execute(() -> {
                try {
                    session.subscribe(RESPONSES, 1).waitForCompletion(OPERATION_TIMEOUT_MILLIS);
                } catch (MqttException e) {
                    LOG.log(Level.WARNING, "Cannot subscribe to command responses", e);
                }
            });
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            int id = message.getId();
            int qos = message.getQos();
            long connection = connectionsLost.get();
            // Off Paho's thread: handling takes a database transaction; the ack waits for it.
            dispatch.received(new CommandResponseReceived(topic, message.getPayload(), Instant.now()), () -> {
                if (connectionsLost.get() == connection) {
                    session.messageArrivedComplete(id, qos);
                } else {
                    LOG.fine(() -> "Not acknowledged on a new connection: " + LogSafe.quote(topic));
                }
            });
        }

        /** Paho calls this before it reconnects, once it delivers no more messages of the lost connection. */
        @Override
        public void connectionLost(Throwable cause) {
            connectionsLost.incrementAndGet();
            LOG.warning(() -> "MQTT connection lost, reconnecting: " + cause);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // the client keeps unacknowledged messages and sends them again after a reconnection
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        closeQuietly(client);
        closeQuietly(connecting);
        if (responseHandlers != null) {
            // unacknowledged responses come again with the session
            responseRetries.shutdownNow();
            responseHandlers.shutdownNow();
        }
    }

    /**
     * Disconnects and closes, whatever state the client is in. A client between two automatic
     * reconnection attempts, or in the middle of one, refuses {@code close} (32110, connect in
     * progress) and its reconnection timer goes on; such a client, left behind by an undeployed
     * application, came back with the same client id and took the session from its successor
     * over and over (seen after a broker restart and a redeployment). Forcing the disconnection
     * first lets {@code close} succeed, and a closed client's next attempt fails and ends the cycle.
     */
    private static void closeQuietly(MqttAsyncClient session) {
        if (session == null) {
            return;
        }
        try {
            if (session.isConnected()) {
                session.disconnect(2_000).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            LOG.fine(() -> "MQTT disconnect: " + e);
        }
        try {
            session.disconnectForcibly(0, 1_000, false);
        } catch (MqttException e) {
            LOG.fine(() -> "MQTT forced disconnect: " + e);
        }
        try {
            session.close(true);
        } catch (MqttException e) {
            LOG.warning(() -> "MQTT client " + session.getClientId() + " could not be closed: " + e);
        }
    }
}
