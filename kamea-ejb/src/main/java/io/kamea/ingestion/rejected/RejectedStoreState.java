package io.kamea.ingestion.rejected;

import java.time.Instant;
import java.util.Map;

/**
 * A store as an operator looks at it.
 *
 * @param store which one
 * @param messages, bytes its depth, as of the broker's last statistics (at most 5 s old); bytes
 *     count payloads only; both null until the broker has published the queue's first statistics
 * @param bounds what the broker's policy allows it, null if no policy applies (unbounded)
 * @param oldest its head message, null when it is empty
 * @param countedByIngestion the messages ingestion dead-lettered, by stream and reason: what Kamea
 *     counted, not what is still in the queue
 */
public record RejectedStoreState(RejectedStore store, Long messages, Long bytes, Bounds bounds,
                                 OldestMessage oldest, IngestionCounts countedByIngestion) {

    /**
     * The policy's limits: past either, the broker drops the oldest message ({@code drop-head}).
     * Null where the policy does not set it.
     */
    public record Bounds(String policy, Long maxLength, Long maxBytes, String overflow) {
    }

    /**
     * Dead-lettered messages by stream, then reason code, as this application server counted them
     * since {@code since}: they do not go down when the queue drops or purges messages, and
     * messages the broker dead-lettered or routed nowhere are not among them (Kamea never saw
     * them). Several servers count apart.
     */
    public record IngestionCounts(Instant since, Map<String, Map<String, Long>> byStream) {
    }
}
