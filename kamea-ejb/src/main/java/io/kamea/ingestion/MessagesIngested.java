package io.kamea.ingestion;

/**
 * CDI event: a batch of {@code count} messages of a stream was forwarded to the bus. One event
 * per batch, not per message: ingestion runs at thousands of messages a second.
 */
public record MessagesIngested(String stream, int count) {
}
