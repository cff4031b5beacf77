/**
 * The message-driven beans of the ingestion cycle, fed in batches by the RabbitMQ resource
 * adapter: each hands its batch to one ingestion service and reports what must be dead-lettered.
 */
package io.kamea.ingestion.consumers;
