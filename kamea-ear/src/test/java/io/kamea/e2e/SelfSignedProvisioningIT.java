package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kamea.contract.BusHeaders;
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
import org.junit.jupiter.api.Test;

/**
 * Self-signed certificate provisioning, end to end over mutual TLS: the operator uploads the
 * device's certificate, Kamea pins its SHA-256 fingerprint on the device's broker user, the
 * broker's TLS check (plugin kamea_guard) accepts that very certificate and no other (it is in no
 * CA bundle), and the device connects with it. The certificates are the development PKI's
 * ({@code make-dev-pki.sh devices}); their CNs are fixed, so each test first removes what an
 * earlier, interrupted run may have left, and removes what it made.
 */
class SelfSignedProvisioningIT {

    private static final Path DEVICES = Stack.PKI.resolve("devices");
    private static final Path CA_BUNDLE = Servers.RUNTIME.resolve("rabbitmq/trusted-cas.pem");

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
        assertTrue(Duration.between(asked, Instant.now()).compareTo(Duration.ofSeconds(3)) < 0,
                "no waiting for a trust store to be re-read: " + Duration.between(asked, Instant.now()));

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
        assertTrue(pinnedOnTheBroker(UPLOADED, certificate), "pinned on the device's broker user");

        try (Bus bus = Bus.subscribe(Bus.RAW_DATA, device.id());
             var client = connect(UPLOADED)) {
            client.publish(device.topics().telemetry(), "{\"temp\":20.5}");
            var received = bus.receive(1, 15);
            assertEquals(1, received.size(), "the telemetry went through kamea.telemetry to the bus");
            assertEquals(UPLOADED, received.get(0).getStringProperty(BusHeaders.INTERFACE_NAME));

            Http.Reply deleted = Http.api("DELETE", "/devices/" + device.id(), null);
            assertEquals(204, deleted.status(), deleted.body());
            assertTrue(client.droppedWithin(10), "the device's open connection was closed");
        }
        assertFalse(Broker.userExists(UPLOADED), "the broker account, and its pin, are gone");
        assertRefusedDuringTheTlsHandshake(UPLOADED);
    }

    @Test
    void certificateNeverUploadedIsRefused() {
        assertRefusedDuringTheTlsHandshake(NEVER_UPLOADED);
    }

    /**
     * RabbitMQ 3.10's trust store plugin recognised a whitelisted certificate by issuer and serial
     * number alone; the pin is the whole certificate's fingerprint, so a forgery with the device's
     * subject and serial number and a key of its own is refused, while the device still connects.
     */
    @Test
    void certificateForgedWithTheSameSubjectAndSerialNumberIsRefused() throws Exception {
        var device = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-victim"), pem(UPLOADED));
        try {
            assertEquals(certificate(UPLOADED).getSerialNumber(), certificate("device-self-signed-forged").getSerialNumber());
            assertEquals(certificate(UPLOADED).getSubjectX500Principal(),
                    certificate("device-self-signed-forged").getSubjectX500Principal());
            assertRefusedDuringTheTlsHandshake("device-self-signed-forged", UPLOADED);
            try (var client = connect(UPLOADED)) {
                assertEquals(1, client.subscribe(device.topics().desiredConfiguration()), "the real device still connects");
            }
        } finally {
            Devices.delete(device);
        }
    }

    /** A whitelisted CA can sign any name, but not take over a device whose certificate is pinned. */
    @Test
    void caSignedCertificateWithAPinnedDevicesNameIsRefused() {
        var device = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-pinned"), pem(UPLOADED));
        try {
            assertRefusedDuringTheTlsHandshake("device-self-signed-by-ca", UPLOADED);
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void ellipticCurveCertificatesConnect() throws Exception {
        for (String commonName : new String[] {EC, ED25519}) {
            var device = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-curve"), pem(commonName));
            try (var client = connect(commonName)) {
                assertEquals(1, client.subscribe(device.topics().desiredConfiguration()), commonName);
            } finally {
                Devices.delete(device);
            }
        }
    }

    /**
     * The pins live with the broker's users, which survive a restart: a kept device still
     * connects (its certificate is not in the CA bundle, the pin alone lets it in), a deleted one
     * stays refused.
     */
    @Test
    void aBrokerRestartKeepsThePins() throws Exception {
        var kept = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-kept"), pem(EC));
        var deleted = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-deleted"), pem(UPLOADED));
        Devices.delete(deleted);
        try {
            Servers.runScript("rabbitmq", "rabbitmq_stop");
            Servers.runScript("rabbitmq", "rabbitmq_start");
            // the API's MQTT session (which deleting a device needs) reconnects within seconds
            assertTrue(Servers.waitFor(() -> Http.server("/health/ready", "application/json").status() == 200, 60),
                    "ready again after the broker restart");

            String bundle = Files.readString(CA_BUNDLE).replaceAll("\\s", "");
            for (String commonName : new String[] {EC, UPLOADED}) {
                assertFalse(bundle.contains(base64(commonName)), commonName + " is not in the CA bundle " + CA_BUNDLE);
            }
            try (var client = connect(EC)) {
                assertEquals(1, client.subscribe(kept.topics().desiredConfiguration()));
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
        assertFalse(Broker.userExists("device-self-signed-weak"), "nothing refused reaches the broker");

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
    void commonNameAlreadyUsedIsAConflict() throws Exception {
        var device = Devices.withSelfSignedCertificate(Devices.uniqueName("self-signed-first"), pem(UPLOADED));
        try {
            Http.Reply again = Devices.selfSignedRequest(Devices.uniqueName("self-signed-second"), pem(UPLOADED));
            assertEquals(409, again.status(), again.body());
            assertTrue(again.contentType().startsWith("application/problem+json"), again.contentType());
            assertTrue(again.json().getString("detail").contains("common name '" + UPLOADED + "'"), again.body());

            Http.Reply caSigned = Devices.certificateRequest(Devices.uniqueName("self-signed-cn"), UPLOADED);
            assertEquals(409, caSigned.status(), "a CA-signed device may not take the CN either: " + caSigned.body());
            assertTrue(pinnedOnTheBroker(UPLOADED, certificate(UPLOADED)), "the first device stays pinned");
        } finally {
            Devices.delete(device);
        }
    }

    private static void assertRefusedDuringTheTlsHandshake(String commonName) {
        assertRefusedDuringTheTlsHandshake(commonName, commonName);
    }

    private static void assertRefusedDuringTheTlsHandshake(String file, String clientId) {
        DeviceClient.assertRefusedDuringTheTlsHandshake(clientId, DEVICES.resolve(file + ".pem"), DEVICES.resolve(file + ".key"));
    }

    private static DeviceClient connect(String commonName) throws MqttException {
        return DeviceClient.connectWithCertificate(commonName,
                DEVICES.resolve(commonName + ".pem"), DEVICES.resolve(commonName + ".key"));
    }

    /** Whether the broker user carries the pin of exactly this certificate (and is a Kamea device). */
    private static boolean pinnedOnTheBroker(String interfaceName, X509Certificate certificate) throws Exception {
        JsonObject user = Broker.user(interfaceName);
        if (user == null) {
            return false;
        }
        var tags = user.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        String pin = "kamea-pin-" + fingerprint(certificate).replace(":", "").toLowerCase(java.util.Locale.ROOT);
        return tags.contains("kamea-device") && tags.contains(pin);
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
