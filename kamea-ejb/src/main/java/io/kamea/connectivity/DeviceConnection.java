package io.kamea.connectivity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One broker connection of a device, by the broker's connection name. Open while
 * {@code closedAt} is null; once closed it stays a while as a tombstone, so that news older than
 * the close (a late "created" event, a poll taken before) cannot reopen it.
 */
@Entity
@Table(name = "device_connection")
public class DeviceConnection {

    @Id
    @Column(length = 512)
    private String name;

    @Column(name = "device_id", length = 36, nullable = false)
    private String deviceId;

    @Column(name = "opened_at", nullable = false)
    private OffsetDateTime openedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    protected DeviceConnection() {
        // for JPA
    }

    DeviceConnection(String name, String deviceId, Instant openedAt) {
        this.name = name;
        this.deviceId = deviceId;
        this.openedAt = openedAt.atOffset(ZoneOffset.UTC);
    }

    String name() {
        return name;
    }

    String deviceId() {
        return deviceId;
    }

    Instant openedAt() {
        return openedAt.toInstant();
    }

    /** When it closed, or null while it is open. */
    Instant closedAt() {
        return closedAt == null ? null : closedAt.toInstant();
    }

    boolean isOpen() {
        return closedAt == null;
    }

    /** The name now belongs to a new connection (the broker reuses client ports). */
    void reopen(String deviceId, Instant at) {
        this.deviceId = deviceId;
        this.openedAt = at.atOffset(ZoneOffset.UTC);
        this.closedAt = null;
    }

    void close(Instant at) {
        this.closedAt = at.atOffset(ZoneOffset.UTC);
    }
}
