package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Disabling a device and banning a certificate or a common name, end to end: a disabled device's
 * sessions end within two seconds and it is refused at login until enabled, with the credentials
 * it had; a banned certificate is refused during the TLS handshake while its CA still admits
 * others; a banned common name is never auto-provisioned. Every refusal is checked to be the one
 * expected (TLS alert or CONNACK), and each test shows the same device getting in again once the
 * ban or the disabling is lifted, so that no refusal can come from something else. Certificates
 * have fresh common names; bans and devices the tests made are removed.
 */
class DisableAndBanIT {

    /** The broker acts on a disabling when the call answers; the client notices within this. */
    private static final int DROP_SECONDS = 2;

    private TestCertificates certificates;
    private final List<String> commonNames = new ArrayList<>();
    private final List<String> bans = new ArrayList<>();

    @BeforeEach
    void certificates() throws Exception {
        certificates = new TestCertificates();
    }

    @AfterEach
    void removeWhatTheTestCaused() throws Exception {
        bans.forEach(id -> Http.api("DELETE", "/bans/" + id, null));
        certificates.close();
        Devices.deleteByInterfaceName(commonNames.toArray(String[]::new));
    }

    @Test
    void disabledPasswordDeviceIsDroppedAndRefusedUntilEnabledWithTheSamePassword() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("disabled"));
        try {
            JsonObject userBefore = Broker.user(device.login());
            try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                assertEquals(1, client.subscribe(device.topics().desiredConfiguration()), "connected and confined");

                JsonObject disabled = ok(Http.api("POST", "/devices/" + device.id() + "/disable", null));
                assertTrue(disabled.getBoolean("disabled"), disabled.toString());
                assertNotNull(disabled.getString("disabledAt"));
                assertEquals("active", disabled.getString("status"), "disabling leaves the status alone");
                assertTrue(client.droppedWithin(DROP_SECONDS), "its session closed within " + DROP_SECONDS + " s");
            }
            assertNotAuthorised(() -> DeviceClient.connect(device.login(), device.login(), device.password()));
            assertEquals(userBefore, Broker.user(device.login()), "its broker user, password hash and tags are kept");
            assertTrue(ok(Http.api("POST", "/devices/" + device.id() + "/disable", null)).getBoolean("disabled"),
                    "disabling again is harmless");
            assertTrue(listed("?disabled=true", device.id()), "GET /devices?disabled=true lists it");
            assertFalse(listed("?disabled=false", device.id()));
            assertNotAuthorised(() -> DeviceClient.connect(device.login(), device.login(), device.password()));

            JsonObject enabled = ok(Http.api("POST", "/devices/" + device.id() + "/enable", null));
            assertFalse(enabled.getBoolean("disabled"), enabled.toString());
            assertFalse(enabled.containsKey("disabledAt"), enabled.toString());
            try (Bus bus = Bus.subscribe(Bus.RAW_DATA, device.id());
                 var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                client.publish(device.topics().telemetry(), "{\"temp\":20}");
                assertEquals(1, bus.receive(1, 15).size(), "enabled, it sends again with the same password");
            }
            assertFalse(ok(Http.api("POST", "/devices/" + device.id() + "/enable", null)).getBoolean("disabled"),
                    "enabling again is harmless");
        } finally {
            Devices.delete(device);
        }
        assertEquals(404, Http.api("POST", "/devices/" + device.id() + "/disable", null).status());
        assertEquals(404, Http.api("POST", "/devices/" + device.id() + "/enable", null).status());
    }

    @Test
    void bannedCertificateIsRefusedDuringTheHandshakeWhileItsCaAdmitsOthersUntilTheBanIsLifted() throws Exception {
        var banned = whitelisted("banned-cert");
        var sibling = whitelisted("banned-sibling");
        try (var client = certificates.connect(banned)) {
            assertTrue(Devices.findByInterfaceName(banned.commonName()).isPresent(), "auto-provisioned first");
        }
        String fingerprint = TestCertificates.fingerprint(banned.certificate());

        // Given as openssl prints it; kept and sent to the broker as the plugin compares it.
        String openssl = HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(fingerprint));
        JsonObject ban = ban(Json.createObjectBuilder().add("fingerprintSha256", openssl).add("reason", "e2e: leaked"));
        assertEquals(fingerprint, ban.getString("fingerprintSha256"));
        assertEquals("e2e: leaked", ban.getString("reason"));
        assertTrue(brokerBans().contains(fingerprint), "the broker's list holds it: " + brokerBans());
        assertEquals(409, Http.api("POST", "/bans", Json.createObjectBuilder().add("fingerprintSha256", fingerprint)
                .add("reason", "again").build().toString()).status(), "banned once only");
        assertEquals(fingerprint, ok(Http.api("GET", "/bans/" + ban.getString("id"), null)).getString("fingerprintSha256"));

        DeviceClient.assertRefusedDuringTheTlsHandshake(banned.commonName(), banned.certificate(), banned.key());
        try (var other = certificates.connect(sibling)) {
            assertTrue(other.isConnected(), "the CA is still whitelisted");
        }

        assertEquals(204, Http.api("DELETE", "/bans/" + ban.getString("id"), null).status());
        bans.remove(ban.getString("id"));
        assertFalse(brokerBans().contains(fingerprint), "lifted on the broker too");
        try (var again = certificates.connect(banned)) {
            assertTrue(again.isConnected(), "lifted, the certificate gets in again");
        }
        assertEquals(404, Http.api("DELETE", "/bans/" + ban.getString("id"), null).status());
    }

    @Test
    void banningADevicesCertificateClosesItsSessions() throws Exception {
        var issued = whitelisted("banned-session");
        try (var client = certificates.connect(issued)) {
            String id = Devices.findByInterfaceName(issued.commonName()).orElseThrow().getString("id");
            Http.Reply reply = Http.api("POST", "/devices/" + id + "/ban", Json.createObjectBuilder()
                    .add("ban", "certificate").add("fingerprintSha256", TestCertificates.fingerprint(issued.certificate()))
                    .add("reason", "e2e: stolen").build().toString());
            assertEquals(201, reply.status(), reply.body());
            bans.add(reply.json().getString("id"));
            assertTrue(client.droppedWithin(DROP_SECONDS), "the banned certificate's session closed");
            assertFalse(ok(Http.api("GET", "/devices/" + id, null)).getBoolean("disabled"),
                    "the device is not disabled: another certificate may bring it back");
        }
        DeviceClient.assertRefusedDuringTheTlsHandshake(issued.commonName(), issued.certificate(), issued.key());
    }

    @Test
    void bannedCommonNameDisablesItsDeviceAndIsNeverAutoProvisionedAgain() throws Exception {
        var issued = whitelisted("banned-cn");
        String id;
        String banId;
        try (var client = certificates.connect(issued)) {
            id = Devices.findByInterfaceName(issued.commonName()).orElseThrow().getString("id");
            JsonObject ban = ban(Json.createObjectBuilder().add("commonName", issued.commonName())
                    .add("reason", "e2e: decommissioned"));
            banId = ban.getString("id");
            assertEquals(issued.commonName(), ban.getString("commonName"));
            assertTrue(client.droppedWithin(DROP_SECONDS), "the device was disabled: its session closed");
        }
        assertTrue(ok(Http.api("GET", "/devices/" + id, null)).getBoolean("disabled"));
        assertRefusedAtLogin(issued);
        Http.Reply enable = Http.api("POST", "/devices/" + id + "/enable", null);
        assertEquals(409, enable.status(), "not enabled while its name is banned: " + enable.body());
        assertTrue(enable.json().getString("detail").contains(banId), enable.body());

        assertEquals(204, Http.api("DELETE", "/devices/" + id, null).status());
        assertRefusedAtLogin(issued);
        assertEquals(Optional.empty(), Devices.findByInterfaceName(issued.commonName()), "not auto-provisioned");
        Http.Reply provision = Devices.certificateRequest(Devices.uniqueName("banned-cn"), issued.commonName());
        assertEquals(409, provision.status(), "nor provisioned by hand: " + provision.body());

        assertEquals(204, Http.api("DELETE", "/bans/" + banId, null).status());
        bans.remove(banId);
        try (var client = certificates.connect(issued)) {
            assertTrue(Devices.findByInterfaceName(issued.commonName()).isPresent(),
                    "lifted, the same certificate provisions itself again");
        }
    }

    @Test
    void invalidBansAreRefused() {
        List<JsonObject> invalid = List.of(
                Json.createObjectBuilder().add("fingerprintSha256", "ab".repeat(31)).add("reason", "short").build(),
                Json.createObjectBuilder().add("fingerprintSha256", "zz".repeat(32)).add("reason", "not hex").build(),
                Json.createObjectBuilder().add("fingerprintSha256", "ab".repeat(32)).add("commonName", "both")
                        .add("reason", "both").build(),
                Json.createObjectBuilder().add("commonName", "a/b").add("reason", "a level").build(),
                Json.createObjectBuilder().add("commonName", "x").build(),
                Json.createObjectBuilder().add("commonName", "x").add("reason", "two\nlines").build(),
                Json.createObjectBuilder().add("reason", "nothing").build());
        for (JsonObject body : invalid) {
            Http.Reply reply = Http.api("POST", "/bans", body.toString());
            assertEquals(400, reply.status(), body + ": " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        }
        var device = Devices.withPassword(Devices.uniqueName("unbannable"));
        try {
            Http.Reply reply = Http.api("POST", "/devices/" + device.id() + "/ban",
                    "{\"ban\":\"common-name\",\"reason\":\"a password device has no certificate\"}");
            assertEquals(400, reply.status(), reply.body());
        } finally {
            Devices.delete(device);
        }
        assertEquals(404, Http.api("GET", "/bans/no-such-ban", null).status());
    }

    private TestCertificates.Issued whitelisted(String prefix) throws Exception {
        String cn = TestCertificates.freshCommonName(prefix);
        commonNames.add(cn);
        return certificates.issue(cn, TestCertificates.WHITELISTED_CA);
    }

    private JsonObject ban(jakarta.json.JsonObjectBuilder body) {
        Http.Reply reply = Http.api("POST", "/bans", body.build().toString());
        assertEquals(201, reply.status(), reply.body());
        JsonObject ban = reply.json();
        bans.add(ban.getString("id"));
        return ban;
    }

    /** The broker's own list, as its plugin reads it. */
    private static List<String> brokerBans() {
        Http.Reply reply = Http.management("GET", "/global-parameters/kamea_banned_certificates", null);
        if (reply.status() == 404) {
            return List.of();
        }
        return ok(reply).getJsonArray("value").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static boolean listed(String query, String id) {
        return ok(Http.api("GET", "/devices" + query + (query.isEmpty() ? "?" : "&") + "size=500", null))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().anyMatch(d -> d.getString("id").equals(id));
    }

    private static JsonObject ok(Http.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** Refused by the broker at login, CONNACK 5 (not authorised): the vhost access a disabled device lost. */
    private static void assertNotAuthorised(org.junit.jupiter.api.function.ThrowingSupplier<DeviceClient> connect) {
        MqttException refused = assertThrows(MqttException.class, () -> connect.get().close());
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused.getReasonCode(), refused.toString());
    }

    /**
     * The certificate passes TLS (neither it nor its CA is banned) and the login is refused: CONNACK 5
     * when the device's account lost its vhost permissions, 4 when Kamea's backend refuses the name.
     */
    private void assertRefusedAtLogin(TestCertificates.Issued issued) {
        MqttException refused = assertThrows(MqttException.class, () -> certificates.connect(issued).close());
        assertTrue(refused.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED
                || refused.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION, refused.toString());
    }
}
