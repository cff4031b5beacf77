package io.kamea.ingestion.rabbitmq;

/**
 * A message a listener refuses for good, with the reason: the adapter dead-letters it.
 *
 * @param message the rejected message, one of the batch
 * @param reason why, for the operator reading the dead-letter queue
 */
public record Rejection(RabbitMessage message, String reason) {
}
