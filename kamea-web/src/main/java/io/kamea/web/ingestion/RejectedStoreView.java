package io.kamea.web.ingestion;

import io.kamea.ingestion.rejected.OldestMessage;
import io.kamea.ingestion.rejected.RejectedStoreState;
import java.time.Instant;
import java.util.Map;

/**
 * A store of messages not ingested, as the API shows it; times are ISO-8601 UTC, null when
 * unknown. {@code messages} and {@code bytes} are the broker's statistics (at most 5 s old, bytes
 * of payload); {@code bounds} null means no policy bounds the queue.
 */
public record RejectedStoreView(String store, String queue, Long messages, Long bytes, BoundsView bounds,
                                OldestMessageView oldest, IngestionCountsView countedByIngestion) {

    /** What the broker's policy allows: past either limit the oldest messages are dropped. */
    public record BoundsView(String policy, Long maxLength, Long maxBytes, String overflow) {
    }

    /** The message that has waited longest: when and why it was refused, if its headers say. */
    public record OldestMessageView(String at, String reason, String routingKey, long payloadBytes) {

        static OldestMessageView of(OldestMessage oldest) {
            return oldest == null ? null : new OldestMessageView(text(oldest.at()), oldest.reason(),
                    oldest.routingKey(), oldest.payloadBytes());
        }
    }

    /** What this server's ingestion dead-lettered since {@code since}, by stream, then reason code. */
    public record IngestionCountsView(String since, Map<String, Map<String, Long>> byStream) {
    }

    static RejectedStoreView of(RejectedStoreState state) {
        RejectedStoreState.Bounds bounds = state.bounds();
        return new RejectedStoreView(state.store().id(), state.store().queue(), state.messages(), state.bytes(),
                bounds == null ? null
                        : new BoundsView(bounds.policy(), bounds.maxLength(), bounds.maxBytes(), bounds.overflow()),
                OldestMessageView.of(state.oldest()),
                new IngestionCountsView(text(state.countedByIngestion().since()),
                        state.countedByIngestion().byStream()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
