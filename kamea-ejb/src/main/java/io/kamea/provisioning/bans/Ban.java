package io.kamea.provisioning.bans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One ban: of a certificate, by its SHA-256 fingerprint in {@link Fingerprints#normalised
 * normalised} form, or of a certificate common name; never both. The reason is the operator's.
 */
@Entity
@Table(name = "device_ban")
public class Ban {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "fingerprint_sha256")
    private String fingerprintSha256;

    @Column(name = "common_name")
    private String commonName;

    @Column(nullable = false)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Ban() {
        // for JPA
    }

    private Ban(String fingerprintSha256, String commonName, String reason, OffsetDateTime createdAt) {
        this.id = UUID.randomUUID().toString();
        this.fingerprintSha256 = fingerprintSha256;
        this.commonName = commonName;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    static Ban ofCertificate(String fingerprintSha256, String reason, OffsetDateTime at) {
        return new Ban(fingerprintSha256, null, reason, at);
    }

    static Ban ofCommonName(String commonName, String reason, OffsetDateTime at) {
        return new Ban(null, commonName, reason, at);
    }

    public String getId() {
        return id;
    }

    /** Lower-case hex, no colons; null for a common-name ban. */
    public String getFingerprintSha256() {
        return fingerprintSha256;
    }

    /** Null for a certificate ban. */
    public String getCommonName() {
        return commonName;
    }

    public boolean isOfCertificate() {
        return fingerprintSha256 != null;
    }

    public String getReason() {
        return reason;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    /** What is banned, for messages: {@code certificate 5b79…} or {@code common name 'boiler-7'}. */
    public String subject() {
        return isOfCertificate() ? "certificate " + fingerprintSha256 : "common name '" + commonName + "'";
    }
}
