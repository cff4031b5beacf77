package io.kamea.connectivity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A connection event of RabbitMQ's event exchange ({@code rabbitmq_event_exchange}): routing key
 * {@code connection.created} or {@code connection.closed}, the facts in the headers. A "closed"
 * event names the connection only, not its user or vhost.
 *
 * @param user the connection's user (the device's interface name); null for "closed"
 * @param vhost the connection's vhost; null for "closed"
 * @param at {@code timestamp_in_ms} of the event, the broker's clock
 */
public record ConnectionEvent(Kind kind, String connectionName, String user, String vhost, Instant at) {

    public enum Kind {
        CREATED, CLOSED
    }

    /**
     * The event in a message from the event exchange; empty for any other routing key or
     * without a connection name.
     *
     * @param fallback when the event happened if it carries no timestamp
     */
    public static Optional<ConnectionEvent> from(String routingKey, Map<String, Object> headers, Instant fallback) {
        Kind kind;
        if ("connection.created".equals(routingKey)) {
            kind = Kind.CREATED;
        } else if ("connection.closed".equals(routingKey)) {
            kind = Kind.CLOSED;
        } else {
            return Optional.empty();
        }
        Map<String, Object> h = headers == null ? Map.of() : headers;
        String name = text(h.get("name"));
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Instant at = h.get("timestamp_in_ms") instanceof Number ms ? Instant.ofEpochMilli(ms.longValue()) : fallback;
        return Optional.of(new ConnectionEvent(kind, name, text(h.get("user")), text(h.get("vhost")), at));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
