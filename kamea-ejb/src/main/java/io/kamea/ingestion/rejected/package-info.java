/**
 * What the broker keeps of the messages devices published that were not ingested: the queues
 * {@code kamea.dead-letter} (refused by Kamea, or dead-lettered by the broker) and
 * {@code kamea.unroutable} (routed to no queue), their depth, their oldest message and their
 * purge, for operators; nothing consumes them.
 */
package io.kamea.ingestion.rejected;
