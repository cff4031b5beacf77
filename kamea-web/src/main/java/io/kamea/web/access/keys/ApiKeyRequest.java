package io.kamea.web.access.keys;

/** {@code POST /api/keys}: a name, a role, an optional expiry (ISO-8601 instant). */
public record ApiKeyRequest(String name, String role, String expiresAt) {
}
