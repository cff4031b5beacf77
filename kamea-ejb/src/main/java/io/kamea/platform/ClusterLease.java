package io.kamea.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Who does a periodic job for the whole cluster, until when. See {@link ClusterLeases}. */
@Entity
@Table(name = "cluster_lease")
public class ClusterLease {

    @Id
    private String name;

    @Column(nullable = false)
    private String holder;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected ClusterLease() {
    }

    ClusterLease(String name, String holder, OffsetDateTime expiresAt) {
        this.name = name;
        this.holder = holder;
        this.expiresAt = expiresAt;
    }

    public String getHolder() {
        return holder;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }
}
