package io.kamea.configuration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The last configuration a device reported, as the full JSON document it sent. */
@Entity
@Table(name = "reported_configuration")
public class ReportedConfiguration {

    @Id
    @Column(name = "device_id", length = 36)
    private String deviceId;

    @Column(nullable = false)
    private String document;

    /** How many reports this device made; the first is 1. */
    @Column(nullable = false)
    private long version;

    @Column(name = "reported_at", nullable = false)
    private OffsetDateTime reportedAt;

    protected ReportedConfiguration() {
        // for JPA
    }

    ReportedConfiguration(String deviceId) {
        this.deviceId = deviceId;
    }

    /** Takes the latest of {@code reports} reports received together. */
    void replace(String document, OffsetDateTime reportedAt, int reports) {
        this.document = document;
        this.reportedAt = reportedAt;
        this.version += reports;
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

    public OffsetDateTime getReportedAt() {
        return reportedAt;
    }
}
