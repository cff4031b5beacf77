package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kamea.contract.BusHeaders;
import io.kamea.contract.DeviceTopics;
import io.kamea.contract.RoutingKeys;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CA-signed certificate provisioning, end to end over mutual TLS: the operator gives the CN of
 * the device's certificate, the device connects with that certificate alone. The certificates are
 * the development PKI's ({@code make-dev-pki.sh devices}); their CNs are fixed, so each test
 * removes what an earlier, interrupted run may have left.
 */
class CertificateProvisioningIT {

    private static final Path DEVICES = Stack.PKI.resolve("devices");
    private static final String WHITELISTED = "device-whitelisted";
    private static final String UNKNOWN_CA = "device-unknown-ca";
    private static final String EXPIRED = "device-expired";

    @BeforeEach
    @AfterEach
    void noDeviceWithTheTestCommonNames() {
        Devices.deleteByInterfaceName(WHITELISTED, UNKNOWN_CA, EXPIRED);
    }

    @Test
    void caSignedDeviceConnectsWithItsCertificateAloneAndItsTelemetryIsIngested() throws Exception {
        var device = Devices.withCertificate(Devices.uniqueName("cert-thermo"), WHITELISTED);
        JsonObject body = device.body();
        assertEquals(WHITELISTED, body.getString("interfaceName"), "interface name = CN");
        assertEquals("certificate", body.getString("provisioning"));
        assertFalse(body.containsKey("credentials"), "no credentials for a certificate device: " + body);
        assertEquals(device.expectedTopics(), device.shownTopics());
        assertTrue(Broker.userExists(WHITELISTED), "the broker account is named after the CN");

        try (Bus bus = Bus.subscribe(Bus.RAW_DATA, device.id());
             var client = connect(WHITELISTED)) {
            assertEquals(1, client.subscribe(device.topics().desiredConfiguration()));
            client.publish(device.topics().telemetry(), "{\"temp\":19.5}");
            var received = bus.receive(1, 15);
            assertEquals(1, received.size(), "the telemetry went through kamea.telemetry to the bus");
            assertEquals(WHITELISTED, received.get(0).getStringProperty(BusHeaders.INTERFACE_NAME));
        } finally {
            Devices.delete(device);
        }
        assertFalse(Broker.userExists(WHITELISTED), "the broker account is gone with the device");
        // Its CA is still whitelisted: connecting again, it provisions itself (AutoProvisioningIT).
        try (var client = connect(WHITELISTED)) {
            assertEquals("auto", Devices.findByInterfaceName(WHITELISTED).orElseThrow().getString("provisioning"));
        }
    }

    @Test
    void certificateDeviceMayNotWriteToAnotherDevicesTopics() throws Exception {
        var device = Devices.withCertificate(Devices.uniqueName("cert-intruder"), WHITELISTED);
        var victim = Devices.withPassword(Devices.uniqueName("victim"));
        String watch = Broker.watch(RoutingKeys.of(victim.topics().everything()));
        try {
            for (String topic : List.of(victim.topics().telemetry(), victim.topics().reportedConfiguration())) {
                try (var client = connect(WHITELISTED)) {
                    assertThrows(MqttException.class, () -> client.publish(topic, "forged"), "publishing to " + topic);
                    assertTrue(client.droppedWithin(5), "the broker closed the connection after " + topic);
                }
            }
            try (var client = connect(WHITELISTED)) {
                try {
                    assertEquals(128, client.subscribe(DeviceTopics.ofAnyDevice().desiredConfiguration()));
                } catch (MqttException e) {
                    assertTrue(client.droppedWithin(5), "the broker closed the connection after subscribing");
                }
            }
            assertEquals(List.of(), Broker.peek(watch, 10), "nothing reached the other device's topics");
        } finally {
            Broker.delete(watch);
            Devices.delete(device);
            Devices.delete(victim);
        }
    }

    @Test
    void certificateFromAnUnknownCaIsRefused() {
        // Provisioned, so that the refusal can only come from the certificate's CA.
        var device = Devices.withCertificate(Devices.uniqueName("cert-unknown-ca"), UNKNOWN_CA);
        try {
            assertRefusedDuringTheTlsHandshake(UNKNOWN_CA);
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void expiredCertificateIsRefused() {
        var device = Devices.withCertificate(Devices.uniqueName("cert-expired"), EXPIRED);
        try {
            assertRefusedDuringTheTlsHandshake(EXPIRED);
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void certificateOfADeviceNotProvisionedProvisionsItself() throws Exception {
        try (var client = connect(WHITELISTED)) {
            JsonObject device = Devices.findByInterfaceName(WHITELISTED).orElseThrow();
            assertEquals("auto", device.getString("provisioning"), "auto-provisioned: see AutoProvisioningIT");
        }
    }

    @Test
    void commonNameAlreadyUsedIsAConflict() {
        var device = Devices.withCertificate(Devices.uniqueName("cert-first"), WHITELISTED);
        try {
            Http.Reply again = Devices.certificateRequest(Devices.uniqueName("cert-second"), WHITELISTED);
            assertEquals(409, again.status(), again.body());
            assertTrue(again.contentType().startsWith("application/problem+json"), again.contentType());
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void missingOrInvalidCommonNameIsABadRequest() {
        for (String cn : new String[] {null, "", "a/b", "a+b", "a#", "a.b", "*", "x".repeat(65)}) {
            Http.Reply reply = Devices.certificateRequest(Devices.uniqueName("cert-bad"), cn);
            assertEquals(400, reply.status(), "commonName " + cn + ": " + reply.body());
            assertTrue(reply.json().getString("detail").contains("commonName"), reply.body());
        }
    }

    /** Refused for the certificate itself, not for a missing login (see Stack.AlwaysPresent). */
    private static void assertRefusedDuringTheTlsHandshake(String commonName) {
        MqttException refused = assertThrows(MqttException.class, () -> connect(commonName));
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return;
            }
        }
        fail("refused, but not by TLS: " + refused + " (reason code " + refused.getReasonCode() + ")");
    }

    private static DeviceClient connect(String commonName) throws MqttException {
        return DeviceClient.connectWithCertificate(commonName,
                DEVICES.resolve(commonName + ".pem"), DEVICES.resolve(commonName + ".key"));
    }
}
