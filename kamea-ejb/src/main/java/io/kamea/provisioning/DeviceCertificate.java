package io.kamea.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The uploaded certificate of a self-signed device, as stored with the device: the PEM text
 * (re-encoded by Kamea, one certificate, nothing else), the fingerprint the broker pins it by, and
 * what the API shows of it.
 */
@Embeddable
public class DeviceCertificate {

    @Column(name = "certificate_pem")
    private String pem;

    /** SHA-256 of the DER encoding, upper-case hex pairs separated by colons (as openssl prints it). */
    @Column(name = "certificate_fingerprint_sha256")
    private String fingerprintSha256;

    /** The subject's distinguished name, RFC 2253. */
    @Column(name = "certificate_subject")
    private String subject;

    @Column(name = "certificate_not_after")
    private OffsetDateTime notAfter;

    protected DeviceCertificate() {
        // for JPA
    }

    DeviceCertificate(String pem, String fingerprintSha256, String subject, Instant notAfter) {
        this.pem = pem;
        this.fingerprintSha256 = fingerprintSha256;
        this.subject = subject;
        this.notAfter = notAfter.atOffset(ZoneOffset.UTC);
    }

    public String getPem() {
        return pem;
    }

    public String getFingerprintSha256() {
        return fingerprintSha256;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getNotAfter() {
        return notAfter.toInstant();
    }
}
