package io.kamea.access;

import java.util.Objects;

/**
 * An authenticated caller of the API: a built-in user, an API key or the subject of an OIDC token,
 * with its role. {@code name} is what the audit trail records: a user name, a key id or a token's
 * subject, never a secret.
 */
public record Caller(String name, Kind kind, Role role) {

    public enum Kind {
        USER, API_KEY, TOKEN;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
    }
}
