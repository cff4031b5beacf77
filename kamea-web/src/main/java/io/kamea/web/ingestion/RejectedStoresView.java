package io.kamea.web.ingestion;

import java.util.List;

/** Both stores of messages not ingested: {@code dead-letter}, then {@code unroutable}. */
public record RejectedStoresView(List<RejectedStoreView> stores) {
}
