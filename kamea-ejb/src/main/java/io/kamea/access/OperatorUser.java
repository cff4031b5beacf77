package io.kamea.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A built-in user of the API and the UI; its password is kept as a PBKDF2 hash only. */
@Entity
@Table(name = "operator_user")
public class OperatorUser {

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String role;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private OffsetDateTime passwordChangedAt;

    protected OperatorUser() {
        // for JPA
    }

    OperatorUser(String username, String passwordHash, Role role, OffsetDateTime at) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role.roleName();
        this.createdAt = at;
        this.passwordChangedAt = at;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return Role.named(role).orElseThrow();
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getPasswordChangedAt() {
        return passwordChangedAt;
    }

    void changePassword(String hash, OffsetDateTime at) {
        this.passwordHash = hash;
        this.passwordChangedAt = at;
    }

    void changeRole(Role role) {
        this.role = role.roleName();
    }
}
