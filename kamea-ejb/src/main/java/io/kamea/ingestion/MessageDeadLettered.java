package io.kamea.ingestion;

/** CDI event: a message of a stream is refused for good, for a reason code such as {@code unknown-device}. */
public record MessageDeadLettered(String stream, String reasonCode) {
}
