package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.contract.DeviceTopics;
import jakarta.json.JsonArray;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The broker users that are not devices (the administrator, the API's account and its client id
 * variants, an account an operator made by hand) never become a device, through any provisioning
 * path, and cannot log in with a certificate from any CA. Each test reads every broker user
 * before and after: nothing may have changed.
 */
class ServiceIdentitiesIT {

    private static final Path DEVICES = Stack.PKI.resolve("devices");
    private static final String API_LOGIN = System.getenv().getOrDefault("MQTT_API_LOGIN", "kamea-api");
    private static final String API_CLIENT_ID = System.getenv().getOrDefault("MQTT_API_CLIENT_ID", "kamea-api");

    @Test
    void noProvisioningTakesAServiceAccountsName() {
        JsonArray before = Broker.users();
        for (String name : List.of(Stack.ADMIN_LOGIN, API_LOGIN, API_CLIENT_ID + "-2")) {
            Http.Reply reply = Devices.certificateRequest(Devices.uniqueName("impostor"), name);
            assertEquals(409, reply.status(), name + ": " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
            assertTrue(reply.json().getString("detail").contains("'" + name + "'"), reply.body());
            assertTrue(reply.json().getString("detail").contains("not a device's"), reply.body());
            assertTrue(Devices.findByInterfaceName(name).isEmpty(), name + " became a device");
        }
        assertEquals(before, Broker.users(), "no broker user changed");
        assertEquals(200, Http.management("GET", "/whoami", null).status(), "the administrator still logs in");
    }

    @Test
    void aBrokerUserKameaDidNotCreateIsNeverReplaced() {
        String operators = "operator-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply made = Http.management("PUT", "/users/" + operators,
                "{\"password\":\"" + UUID.randomUUID() + "\",\"tags\":\"management\"}");
        assertEquals(201, made.status(), made.body());
        try {
            JsonArray before = Broker.users();
            Http.Reply reply = Devices.certificateRequest(Devices.uniqueName("impostor"), operators);
            assertEquals(409, reply.status(), reply.body());
            assertTrue(reply.json().getString("detail").contains("'" + operators + "'"), reply.body());
            assertTrue(Devices.findByInterfaceName(operators).isEmpty(), "no device left behind");
            assertEquals(before, Broker.users(), "the operator's user is as it was");
        } finally {
            Http.management("DELETE", "/users/" + operators, null);
        }
    }

    /** make-dev-pki.sh signs CN=kamea-admin and CN=kamea-api with the whitelisted device CA. */
    @Test
    void aServiceAccountsCertificateFromAWhitelistedCaIsRefusedOverMqtts() {
        JsonArray before = Broker.users();
        for (String name : List.of(Stack.ADMIN_LOGIN, API_LOGIN)) {
            DeviceClient.assertRefusedDuringTheTlsHandshake(name, DEVICES.resolve(name + ".pem"), DEVICES.resolve(name + ".key"));
            assertTrue(Devices.findByInterfaceName(name).isEmpty(), name + " was not auto-provisioned");
        }
        assertEquals(before, Broker.users());
    }

    /**
     * A password device logs in with its password only: a whitelisted CA that signs its login
     * (the UUID the API shows) as a certificate's CN does not get in as that device.
     */
    @Test
    void aCertificateNamingAPasswordDeviceIsRefused() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("password-victim"));
        try (var certificates = new TestCertificates()) {
            var forged = certificates.issue(device.login(), TestCertificates.WHITELISTED_CA);
            DeviceClient.assertRefusedDuringTheTlsHandshake(device.login(), forged.certificate(), forged.key());
            var control = certificates.issue(TestCertificates.freshCommonName("ca-signed"), TestCertificates.WHITELISTED_CA);
            try (var client = certificates.connect(control)) {
                assertTrue(client.subscribe(DeviceTopics.of(control.commonName()).desiredConfiguration()) != 128,
                        "control: a fresh CN from the same CA gets in");
            } finally {
                Devices.deleteByInterfaceName(control.commonName());
            }
        } finally {
            Devices.delete(device);
        }
    }

    /**
     * Over AMQPS the same TLS check runs: the administrator's name signed by a whitelisted CA gets
     * no AMQP greeting, where a device's certificate does (control).
     */
    @Test
    void aServiceAccountsCertificateIsRefusedOverAmqps() throws Exception {
        assertTrue(amqpGreets("device-whitelisted"), "control: a device's certificate gets the AMQP greeting");
        assertEquals(false, amqpGreets(Stack.ADMIN_LOGIN), "CN=" + Stack.ADMIN_LOGIN + " must not get past TLS");
        assertEquals(false, amqpGreets(API_LOGIN), "CN=" + API_LOGIN + " must not get past TLS");
    }

    /** Opens AMQPS with the certificate, sends the protocol header and reads the broker's Connection.Start. */
    private static boolean amqpGreets(String certificate) throws Exception {
        var tls = Stack.tlsWithClientCertificate(DEVICES.resolve(certificate + ".pem"), DEVICES.resolve(certificate + ".key"));
        int port = Integer.parseInt(System.getenv().getOrDefault("RMQ_AMQPS_PORT", "5671"));
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write("AMQP".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 9, 1});
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] frame = in.readNBytes(7);
            return frame.length == 7 && frame[0] == 1; // a METHOD frame: connection.start
        } catch (SSLException | SocketException e) {
            return false;
        }
    }
}
