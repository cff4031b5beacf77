package io.kamea.ingestion.rabbitmq;

import java.time.Instant;
import java.util.Map;

/**
 * One message delivered from a RabbitMQ queue.
 *
 * @param queue the queue it was consumed from
 * @param routingKey the routing key it was published with (for MQTT: the topic, dots for slashes)
 * @param body the payload, as published
 * @param messageId the AMQP message-id property, or {@code null}
 * @param brokerTimestamp the AMQP timestamp property, or {@code null} if not set
 * @param headers the AMQP headers, with plain Java values (strings, numbers, booleans, lists, maps)
 * @param redelivered whether the broker delivered it before
 * @param deliveryTag the delivery tag on the adapter's channel (identifies it within a batch)
 * @param deliveredAt when the adapter took it from the broker (its clock), before any wait for a
 *     batch or for the listener
 */
public record RabbitMessage(String queue, String routingKey, byte[] body, String messageId,
        Instant brokerTimestamp, Map<String, Object> headers, boolean redelivered, long deliveryTag,
        Instant deliveredAt) {

    /** When the platform received it: the broker's timestamp where the publisher set one, else {@link #deliveredAt}. */
    public Instant receivedAt() {
        return brokerTimestamp != null ? brokerTimestamp : deliveredAt;
    }
}
