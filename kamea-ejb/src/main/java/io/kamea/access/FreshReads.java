package io.kamea.access;

import jakarta.persistence.CacheRetrieveMode;
import java.util.Map;

/**
 * Access decisions read their rows from the database, past JPA's shared cache: a key revoked or a
 * user removed by another application server must not pass here from a stale copy.
 */
final class FreshReads {

    static final Map<String, Object> HINTS = Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS);

    private FreshReads() {
    }
}
