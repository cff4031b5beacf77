package io.kamea.connectivity;

import io.kamea.broker.BrokerSettings;
import io.kamea.broker.RabbitManagementApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The durable queue {@code kamea.connection-events}, bound to the event exchange with
 * {@code connection.*}. Declared by the application through the management API (both calls are
 * idempotent), not in the broker's definitions: the exchange belongs to the event plugin and may
 * not exist yet when the definitions are loaded.
 */
@ApplicationScoped
public class ConnectionEventQueue {

    public static final String QUEUE = "kamea.connection-events";
    static final String EXCHANGE = "amq.rabbitmq.event";
    static final String ROUTING_KEY = "connection.*";
    /** Events pile up while Kamea is down; beyond this the oldest go (the poll reconciles). */
    static final int MAX_LENGTH = 100_000;

    private static final Logger LOG = Logger.getLogger(ConnectionEventQueue.class.getName());

    @Inject
    RabbitManagementApi api;

    @Inject
    BrokerSettings settings;

    private volatile boolean declared;

    /** Declares queue and binding unless done already; false if the broker refused or is away. */
    public boolean ensureDeclared() {
        if (declared) {
            return true;
        }
        try {
            api.putQueue(settings.vhost(), QUEUE, new RabbitManagementApi.Queue(true, false, Map.of("x-max-length", MAX_LENGTH)));
            api.bindQueue(settings.vhost(), EXCHANGE, QUEUE, new RabbitManagementApi.Binding(ROUTING_KEY, Map.of()));
            declared = true;
            LOG.info(() -> "Connection events: queue " + QUEUE + " bound to " + EXCHANGE + " with " + ROUTING_KEY);
        } catch (WebApplicationException e) {
            LOG.warning(() -> "Connection events unavailable (HTTP " + e.getResponse().getStatus()
                    + " declaring " + QUEUE + "; is the rabbitmq_event_exchange plugin enabled with"
                    + " event_exchange.vhost = " + settings.vhost() + "?): connectivity relies on the poll");
        } catch (ProcessingException e) {
            LOG.warning(() -> "Cannot reach the broker to declare " + QUEUE + ": " + e.getMessage());
        }
        return declared;
    }
}
