package io.kamea.configuration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The configuration operators want a device to have: a full document, versioned. */
@Entity
@Table(name = "desired_configuration")
public class DesiredConfiguration {

    @Id
    @Column(name = "device_id", length = 36)
    private String deviceId;

    @Column(nullable = false)
    private String document;

    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected DesiredConfiguration() {
        // for JPA
    }

    DesiredConfiguration(String deviceId) {
        this.deviceId = deviceId;
    }

    void replace(String document, OffsetDateTime updatedAt) {
        this.document = document;
        this.updatedAt = updatedAt;
        this.version++;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public String getDocument() {
        return document;
    }

    public long getVersion() {
        return version;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
