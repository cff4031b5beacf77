package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Self-signed certificate provisioning, end to end over mutual TLS: the operator uploads the
 * device's certificate, the broker whitelists it through its trust store plugin alone (it is in
 * no CA bundle), and the device connects with it. The certificates are the development PKI's
 * ({@code make-dev-pki.sh devices}); their CNs are fixed, so each test first removes what an
 * earlier, interrupted run may have left, and removes what it made.
 */
class SelfSignedProvisioningIT {

    private static final Path DEVICES = Stack.PKI.resolve("devices");
    private static final Path TRUST_STORE = Path.of(System.getenv().getOrDefault("RMQ_TRUST_STORE_PATH",
            Servers.RUNTIME.resolve("rabbitmq/trust-store").toString()));
    private static final Path CA_BUNDLE = Servers.RUNTIME.resolve("rabbitmq/trusted-cas.pem");
    private static final Duration REFRESH = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("RMQ_TRUST_STORE_REFRESH_SECONDS", "5")));

    private static final String UPLOADED = "device-self-signed";
    private static final String NEVER_UPLOADED = "device-self-signed-other";
    private static final String EC = "device-self-signed-ec";
    private static final String ED25519 = "device-self-signed-ed25519";

    @BeforeEach
    @AfterEach
    void noDeviceWithTheTestCommonNames() {
        Devices.deleteByInterfaceName(UPLOADED, NEVER_UPLOADED, EC, ED25519);
    }

    @Test
    void uploadedCertificateConnectsAndIsRefusedAgainOnceTheDeviceIsDeleted() throws Exception {
        Instant asked = Instant.now();
        var device = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-thermo"), pem(UPLOADED));
        assertFalse(Instant.now().isBefore(asked.plus(REFRESH)),
                "the API answered only once the broker could have read its trust store folder");

        JsonObject body = device.body();
        assertEquals(UPLOADED, body.getString("interfaceName"), "interface name = CN");
        assertEquals("self-signed", body.getString("provisioning"));
        assertFalse(body.containsKey("credentials"), "no credentials for a certificate device: " + body);
        assertEquals(device.expectedTopics(), device.shownTopics());
        X509Certificate certificate = certificate(UPLOADED);
        JsonObject shown = body.getJsonObject("certificate");
        assertEquals(fingerprint(certificate), shown.getString("fingerprintSha256"));
        assertEquals(certificate.getNotAfter().toInstant(), Instant.parse(shown.getString("notAfter")));
        assertEquals("CN=device-self-signed,O=Kamea dev", shown.getString("subject"));
        assertEquals(shown, Http.api("GET", "/devices/" + device.id(), null).json().getJsonObject("certificate"),
                "the device view shows the certificate too");
        assertTrue(Broker.userExists(UPLOADED), "the broker account is named after the CN");
        assertTrue(Files.exists(trustStoreFile(UPLOADED)), "whitelisted in " + TRUST_STORE);

        try (Bus bus = Bus.subscribe(Bus.RAW_DATA, device.id());
             var client = connect(UPLOADED)) {
            client.publish(device.topic("telemetries"), "{\"temp\":20.5}");
            var received = bus.receive(1, 15);
            assertEquals(1, received.size(), "the telemetry went through kamea.telemetry to the bus");
            assertEquals(UPLOADED, received.get(0).getStringProperty("kamea_interface_name"));

            Http.Reply deleted = Http.api("DELETE", "/devices/" + device.id(), null);
            assertEquals(204, deleted.status(), deleted.body());
            assertTrue(client.droppedWithin(10), "the device's open connection was closed");
        }
        assertFalse(Files.exists(trustStoreFile(UPLOADED)), "removed from " + TRUST_STORE);
        assertFalse(Broker.userExists(UPLOADED), "the broker account is gone");
        assertRefusedDuringTheTlsHandshake(UPLOADED);
    }

    @Test
    void certificateNeverUploadedIsRefused() {
        assertRefusedDuringTheTlsHandshake(NEVER_UPLOADED);
    }

    /**
     * What should hold and does not: RabbitMQ 3.10's trust store recognises a whitelisted
     * certificate by issuer and serial number alone, so a forgery with the device's subject and
     * serial number and a key of its own logs in as the device (docs/certificates.md, "Limitation").
     */
    @Test
    @Disabled("known limitation of rabbitmq_trust_store 3.10: it matches issuer and serial number only")
    void certificateForgedWithTheSameSubjectAndSerialNumberIsRefused() {
        var device = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-victim"), pem(UPLOADED));
        try {
            assertRefusedDuringTheTlsHandshake("device-self-signed-forged", UPLOADED);
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void ellipticCurveCertificatesConnect() throws Exception {
        for (String commonName : new String[] {EC, ED25519}) {
            var device = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-curve"), pem(commonName));
            try (var client = connect(commonName)) {
                assertEquals(1, client.subscribe(device.topic("configs/desired")), commonName);
            } finally {
                Devices.delete(device);
            }
        }
    }

    /**
     * The broker reads the trust store folder afresh when it starts: a kept device still connects
     * (its certificate is not in the CA bundle, the trust store plugin alone accepts it), a
     * deleted one stays refused.
     */
    @Test
    void aBrokerRestartKeepsTheWhitelistAsTheFolderSaysIt() throws Exception {
        var kept = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-kept"), pem(EC));
        var deleted = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-deleted"), pem(UPLOADED));
        Devices.delete(deleted);
        try {
            Servers.runScript("rabbitmq", "rabbitmq_stop");
            Servers.runScript("rabbitmq", "rabbitmq_start");

            String bundle = Files.readString(CA_BUNDLE).replaceAll("\\s", "");
            for (String commonName : new String[] {EC, UPLOADED}) {
                assertFalse(bundle.contains(base64(commonName)), commonName + " is not in the CA bundle " + CA_BUNDLE);
            }
            try (var client = connect(EC)) {
                assertEquals(1, client.subscribe(kept.topic("configs/desired")));
            }
            assertRefusedDuringTheTlsHandshake(UPLOADED);
        } finally {
            Devices.delete(kept);
        }
    }

    @Test
    void badUploadsAreRefusedWithTheReason() throws IOException {
        Map<String, String> uploads = Map.of(
                "this is not a certificate", "not PEM",
                pem("device-self-signed-expired"), "certificate expired on 2020-12-31",
                pem("device-self-signed-no-cn"), "no common name (CN)",
                pem("device-self-signed-ca"), "CA certificate (basicConstraints CA:TRUE)",
                pem("device-self-signed-weak"), "RSA key of 1024 bits",
                pem("device-whitelisted"), "not self-signed",
                pem(UPLOADED) + pem(NEVER_UPLOADED), "holds 2 certificates");
        uploads.forEach((upload, reason) -> {
            Http.Reply reply = Devices.selfSignedRequest(Devices.uniqueName("self-signed-bad"), upload);
            assertEquals(400, reply.status(), reason + ": " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
            assertTrue(reply.json().getString("detail").contains(reason), reason + ": " + reply.body());
        });
        assertFalse(Files.exists(trustStoreFile("device-self-signed-weak")), "nothing refused reaches the trust store");

        Http.Reply withoutCertificate = Http.api("POST", "/devices",
                "{\"name\":\"" + Devices.uniqueName("self-signed-none") + "\",\"provisioning\":\"self-signed\"}");
        assertEquals(400, withoutCertificate.status(), withoutCertificate.body());
        assertTrue(withoutCertificate.json().getString("detail").contains("certificate is required"), withoutCertificate.body());

        Http.Reply certificateWithPassword = Http.api("POST", "/devices", jakarta.json.Json.createObjectBuilder()
                .add("name", Devices.uniqueName("self-signed-mixed")).add("provisioning", "password")
                .add("certificate", pem(UPLOADED)).build().toString());
        assertEquals(400, certificateWithPassword.status(), certificateWithPassword.body());
        assertTrue(certificateWithPassword.json().getString("detail").contains("only for provisioning 'self-signed'"),
                certificateWithPassword.body());
    }

    @Test
    void commonNameAlreadyUsedIsAConflict() throws IOException {
        var device = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-first"), pem(UPLOADED));
        try {
            Http.Reply again = Devices.selfSignedRequest(Devices.uniqueName("self-signed-second"), pem(UPLOADED));
            assertEquals(409, again.status(), again.body());
            assertTrue(again.contentType().startsWith("application/problem+json"), again.contentType());
            assertTrue(again.json().getString("detail").contains("common name '" + UPLOADED + "'"), again.body());

            Http.Reply caSigned = Devices.certificateRequest(Devices.uniqueName("self-signed-cn"), UPLOADED);
            assertEquals(409, caSigned.status(), "a CA-signed device may not take the CN either: " + caSigned.body());
            assertTrue(Files.exists(trustStoreFile(UPLOADED)), "the first device stays whitelisted");
        } finally {
            Devices.delete(device);
        }
    }

    /**
     * Refused for the certificate itself, not for a missing account (see Stack.AlwaysPresent): the
     * broker ends the TLS handshake with an alert and closes the connection. The client sends its
     * whole flight (certificate, proof of its key, Finished) at once, so it sees either the alert
     * or, when the broker had closed first, a broken pipe; a refused login would be a CONNACK
     * return code instead.
     */
    private static void assertRefusedDuringTheTlsHandshake(String commonName) {
        assertRefusedDuringTheTlsHandshake(commonName, commonName);
    }

    private static void assertRefusedDuringTheTlsHandshake(String file, String clientId) {
        MqttException refused = assertThrows(MqttException.class, () -> DeviceClient.connectWithCertificate(clientId,
                DEVICES.resolve(file + ".pem"), DEVICES.resolve(file + ".key")));
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException || cause instanceof SocketException) {
                assertFalse(refused.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                        || refused.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED, refused.toString());
                return;
            }
        }
        fail("refused, but not by TLS: " + refused + " (reason code " + refused.getReasonCode() + ")");
    }

    private static DeviceClient connect(String commonName) throws MqttException {
        return DeviceClient.connectWithCertificate(commonName,
                DEVICES.resolve(commonName + ".pem"), DEVICES.resolve(commonName + ".key"));
    }

    private static Path trustStoreFile(String interfaceName) {
        return TRUST_STORE.resolve("device-" + interfaceName + ".pem");
    }

    private static String pem(String name) {
        try {
            return Files.readString(DEVICES.resolve(name + ".pem"));
        } catch (IOException e) {
            throw new IllegalStateException("Run make-dev-pki.sh devices: " + name + ".pem is missing", e);
        }
    }

    /** The certificate's base64, without line breaks. */
    private static String base64(String name) {
        return pem(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static X509Certificate certificate(String name) throws Exception {
        try (InputStream in = Files.newInputStream(DEVICES.resolve(name + ".pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static String fingerprint(X509Certificate certificate) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
}
