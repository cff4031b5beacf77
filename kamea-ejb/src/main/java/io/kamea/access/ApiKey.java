package io.kamea.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An API key, by its id; its secret is kept as a SHA-256 only ({@link ApiKeySecrets}). */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @Column(length = 16)
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_sha256", nullable = false)
    private String secretSha256;

    @Column(nullable = false)
    private String role;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiKey() {
        // for JPA
    }

    ApiKey(String id, String name, String secretSha256, Role role, String createdBy, OffsetDateTime createdAt,
           OffsetDateTime expiresAt) {
        this.id = id;
        this.name = name;
        this.secretSha256 = secretSha256;
        this.role = role.roleName();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    String getSecretSha256() {
        return secretSha256;
    }

    public Role getRole() {
        return Role.named(role).orElseThrow();
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    /** Null: never expires. */
    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    /** To the minute: written at most once a minute per key, not on every call. */
    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }

    public OffsetDateTime getRevokedAt() {
        return revokedAt;
    }

    /** Neither revoked nor expired at {@code now}. */
    boolean isValidAt(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void revoke(OffsetDateTime at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}
