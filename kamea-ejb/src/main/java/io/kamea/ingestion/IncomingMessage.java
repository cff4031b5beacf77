package io.kamea.ingestion;

import io.kamea.contract.RoutingKeys;
import java.time.Instant;

/**
 * A message as the broker handed it over: routing key {@code device.<interface name>.<...>}, the
 * payload untouched, the broker's message id if it gave one, and when it was received.
 */
public record IncomingMessage(String routingKey, byte[] payload, String messageId, Instant receivedAt) {

    /** The interface name in the routing key, or null if the key names no device. */
    public String interfaceName() {
        return RoutingKeys.interfaceName(routingKey);
    }
}
