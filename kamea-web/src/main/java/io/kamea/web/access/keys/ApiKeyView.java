package io.kamea.web.access.keys;

import io.kamea.access.ApiKey;
import java.time.OffsetDateTime;

/** An API key as the API shows it; {@code key}, the secret, only in the answer that made it. */
public record ApiKeyView(String id, String name, String role, String createdBy, String createdAt, String expiresAt,
                         String lastUsedAt, String revokedAt, String key) {

    static ApiKeyView of(ApiKey apiKey, String key) {
        return new ApiKeyView(apiKey.getId(), apiKey.getName(), apiKey.getRole().roleName(), apiKey.getCreatedBy(),
                instant(apiKey.getCreatedAt()), instant(apiKey.getExpiresAt()), instant(apiKey.getLastUsedAt()),
                instant(apiKey.getRevokedAt()), key);
    }

    private static String instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }
}
