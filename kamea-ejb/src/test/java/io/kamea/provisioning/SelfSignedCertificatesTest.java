package io.kamea.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.platform.ContentTooLargeException;
import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.RequestLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each reason an upload is refused, with the certificates of
 * {@code src/test/resources/io/kamea/provisioning/certificates} (made by make-fixtures.sh there).
 */
class SelfSignedCertificatesTest {

    /** Inside every fixture's validity (they were made in 2026 for 100 years). */
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static final RequestLimits LIMITS = RequestLimits.defaults();

    /** Lines of BEGIN markers without END: what made the old regular expression quadratic. */
    private static final String HOSTILE = "-----BEGIN CERTIFICATE-----\n".repeat(2 * 1024 * 1024 / 28);

    @Test
    void acceptsAnRsaCertificateAndKeepsWhatTheApiShows() {
        var accepted = SelfSignedCertificates.validate(fixture("rsa-2048.pem"), LIMITS, NOW);

        assertEquals("device-rsa", accepted.commonName());
        DeviceCertificate stored = accepted.certificate();
        assertEquals("CN=device-rsa,O=Kamea test", stored.getSubject());
        assertTrue(stored.getFingerprintSha256().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), stored.getFingerprintSha256());
        assertTrue(stored.getNotAfter().isAfter(NOW));
        assertTrue(stored.getPem().startsWith("-----BEGIN CERTIFICATE-----\n"), stored.getPem());
        assertTrue(stored.getPem().endsWith("\n-----END CERTIFICATE-----\n"), stored.getPem());
    }

    @Test
    void storesTheCertificateAloneWhateverSurroundsItInTheUpload() {
        String upload = "Bag Attributes\r\n  friendlyName: device\r\n" + fixture("rsa-2048.pem").replace("\n", "\r\n");

        var accepted = SelfSignedCertificates.validate(upload, LIMITS, NOW);

        assertFalse(accepted.certificate().getPem().contains("Bag"), accepted.certificate().getPem());
        assertEquals(SelfSignedCertificates.validate(fixture("rsa-2048.pem"), LIMITS, NOW).certificate().getPem(),
                accepted.certificate().getPem());
    }

    @ParameterizedTest
    @CsvSource({"ec-p256.pem, device-ec-p256", "ec-p384.pem, device-ec-p384", "ed25519.pem, device-ed25519"})
    void acceptsTheEllipticCurvesTheBrokerKnows(String file, String commonName) {
        assertEquals(commonName, SelfSignedCertificates.validate(fixture(file), LIMITS, NOW).commonName());
    }

    @Test
    void refusesWhatIsNotPem() {
        assertRefused("garbage", "not PEM");
        assertRefused("MIIBszCCAVmgAwIBAgIUXYZ", "not PEM");
        assertRefused("", "certificate is required");
        assertRefused(null, "certificate is required");
    }

    @Test
    void refusesWhatIsNotAnX509Certificate() {
        assertRefused("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
                "not an X.509 certificate");
        assertRefused("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n", "not an X.509 certificate");
    }

    @Test
    void refusesMoreThanOneCertificate() {
        assertRefused(fixture("rsa-2048.pem") + fixture("ec-p256.pem"), "holds 2 certificates");
    }

    @Test
    void refusesAnyOtherPemBlock() {
        assertRefused(fixture("rsa-2048.pem") + "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
                "a PEM block other than a certificate ('-----BEGIN PUBLIC KEY-----')");
        assertRefused("-----BEGIN CERTIFICATE-----\nAAAA\n-----END X509 CRL-----\nAAAA\n-----END CERTIFICATE-----\n",
                "another '-----' marker inside the certificate block");
        assertRefused("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUXYZ\n", "is not followed by '-----END CERTIFICATE-----'");
    }

    @Test
    void uploadLargerThanTheCertificateLimitIsRefusedBeforeItIsRead() {
        String tooLarge = fixture("rsa-2048.pem") + " ".repeat(LIMITS.maxCertificateBytes());

        ContentTooLargeException refused = assertThrows(ContentTooLargeException.class,
                () -> SelfSignedCertificates.validate(tooLarge, LIMITS, NOW));

        assertEquals(413, refused.status());
        assertTrue(refused.getMessage().contains("16384 bytes (KAMEA_MAX_CERTIFICATE_BYTES)"), refused.getMessage());
        assertThrows(ContentTooLargeException.class, () -> SelfSignedCertificates.validate(HOSTILE, LIMITS, NOW));
    }

    /** A complexity guarantee, not a benchmark: the regular expression used before took minutes here. */
    @Test
    void hostileFieldOfTwoMegabytesIsAnsweredInLinearTime() {
        RequestLimits noSizeLimit = new RequestLimits(1, 1, 1, Integer.MAX_VALUE, 1);

        InvalidRequestException refused = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThrows(
                InvalidRequestException.class, () -> SelfSignedCertificates.validate(HOSTILE, noSizeLimit, NOW)));

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("holds 74898 certificates"), refused.getMessage());
        String unterminated = "-----BEGIN CERTIFICATE-----\n" + "-----END CERTIFICATE\n".repeat(100_000);
        refused = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThrows(InvalidRequestException.class,
                () -> SelfSignedCertificates.validate(unterminated, noSizeLimit, NOW)));
        assertTrue(refused.getMessage().contains("is not followed by '-----END CERTIFICATE-----'"), refused.getMessage());
    }

    @Test
    void refusesAPrivateKey() {
        assertRefused(fixture("rsa-2048.pem") + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
                "private key");
    }

    @Test
    void refusesACertificateSignedByACa() {
        assertRefused(fixture("ca-signed.pem"), "not self-signed: it was issued by 'CN=some-ca");
    }

    @Test
    void refusesACertificateThatOnlyNamesItselfAsIssuer() {
        assertRefused(fixture("looks-self-signed.pem"), "does not verify with its own public key");
    }

    @Test
    void refusesACaCertificate() {
        assertRefused(fixture("ca.pem"), "CA certificate (basicConstraints CA:TRUE)");
    }

    @Test
    void refusesAnExpiredCertificate() {
        assertRefused(fixture("rsa-2048.pem"), Instant.parse("2200-01-01T00:00:00Z"), "certificate expired on 21");
    }

    @Test
    void refusesACertificateNotValidYet() {
        assertRefused(fixture("rsa-2048.pem"), Instant.parse("2000-01-01T00:00:00Z"), "not valid before 20");
    }

    @Test
    void refusesACertificateWithoutCommonName() {
        assertRefused(fixture("no-cn.pem"), "no common name (CN)");
    }

    @Test
    void refusesACertificateWithTwoCommonNames() {
        assertRefused(fixture("two-cns.pem"), "2 common names");
    }

    @Test
    void refusesACommonNameThatCannotBeAnInterfaceName() {
        assertRefused(fixture("dotted-cn.pem"), "common name 'device.one' cannot be an interface name");
    }

    @Test
    void refusesAWeakRsaKey() {
        assertRefused(fixture("rsa-1024.pem"), "RSA key of 1024 bits");
    }

    @Test
    void refusesOtherCurves() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> SelfSignedCertificates.validate(fixture("ec-secp256k1.pem"), LIMITS, NOW));
        // The JDK no longer implements secp256k1: the key is not even an ECPublicKey then.
        assertTrue(refused.getMessage().contains("accepted keys"), refused.getMessage());
        assertRefused(fixture("ed448.pem"), "Ed448 key");
    }

    @Test
    void refusesASha1Signature() {
        assertRefused(fixture("sha1.pem"), "SHA-1 signatures are refused");
    }

    private static void assertRefused(String pem, String why) {
        assertRefused(pem, NOW, why);
    }

    private static void assertRefused(String pem, Instant now, String why) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> SelfSignedCertificates.validate(pem, LIMITS, now));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains(why), "expected '" + why + "' in: " + refused.getMessage());
    }

    private static String fixture(String name) {
        try (InputStream in = SelfSignedCertificatesTest.class.getResourceAsStream("certificates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
