package io.kamea.ingestion;

/** A message that can never be ingested, by its position in the batch, and why. */
public record RejectedMessage(int index, String reason) {
}
