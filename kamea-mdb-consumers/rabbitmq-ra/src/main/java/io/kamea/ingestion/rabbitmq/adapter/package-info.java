/**
 * The inbound resource adapter: consumes RabbitMQ queues over AMQP with amqp-client and hands the
 * messages, in batches, to message-driven beans as {@code Work} on the container's work manager,
 * acknowledging them only after the beans have taken them.
 */
package io.kamea.ingestion.rabbitmq.adapter;
