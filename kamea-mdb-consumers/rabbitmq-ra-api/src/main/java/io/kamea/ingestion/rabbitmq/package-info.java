/**
 * What message-driven beans see of RabbitMQ ingestion: the listener they implement, the messages
 * they receive in batches and the way they reject a message or report a passing failure.
 */
package io.kamea.ingestion.rabbitmq;
