package io.kamea.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One line of the audit trail: who (identity, kind, role; null for an anonymous caller), did
 * what (action, target), with which outcome (the HTTP status), from where (source address).
 * Append-only: the table refuses updates and deletes.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private OffsetDateTime at;

    private String identity;

    private String kind;

    private String role;

    @Column(nullable = false)
    private String action;

    private String target;

    @Column(nullable = false)
    private int outcome;

    private String source;

    protected AuditEntry() {
        // for JPA
    }


    public Long getId() {
        return id;
    }

    public OffsetDateTime getAt() {
        return at;
    }

    public String getIdentity() {
        return identity;
    }

    public String getKind() {
        return kind;
    }

    public String getRole() {
        return role;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public int getOutcome() {
        return outcome;
    }

    public String getSource() {
        return source;
    }
}
