package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kamea.contract.BusHeaders;
import io.kamea.contract.DeviceTopics;
import io.kamea.contract.RoutingKeys;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.net.SocketException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Auto-provisioning, end to end over mutual TLS: a device with a certificate from the whitelisted
 * CA and a common name Kamea does not know connects, the broker asks Kamea (HTTP auth backend),
 * and Kamea creates it. Every test makes certificates with fresh common names, so runs do not
 * depend on each other, and removes the devices it caused.
 *
 * <p>The stack runs with or without approval ({@code KAMEA_AUTO_PROVISIONING_APPROVAL}, exported
 * by env.sh to the server and to this test alike); the tests of the other mode are skipped.
 */
class AutoProvisioningIT {

    private static final boolean APPROVAL = "true".equals(System.getenv("KAMEA_AUTO_PROVISIONING_APPROVAL"));
    private static final String SECRET = System.getenv("RMQ_AUTH_SECRET");
    private static final List<String> PATHS = List.of("user", "vhost", "resource", "topic");

    private TestCertificates certificates;
    private final List<String> commonNames = new ArrayList<>();

    @BeforeEach
    void certificates() throws Exception {
        certificates = new TestCertificates();
    }

    @AfterEach
    void removeWhatTheTestCaused() throws Exception {
        certificates.close();
        Devices.deleteByInterfaceName(commonNames.toArray(String[]::new));
    }

    @Test
    void unknownCommonNameFromTheWhitelistedCaBecomesADeviceWhoseTelemetryIsIngested() throws Exception {
        assumeFalse(APPROVAL, "without approval");
        var issued = whitelisted("auto-thermo");

        JsonObject device;
        try (var client = certificates.connect(issued)) {
            device = Devices.findByInterfaceName(issued.commonName())
                    .orElseThrow(() -> new AssertionError("no device " + issued.commonName() + " after its connection"));
            assertEquals(issued.commonName(), device.getString("name"), "name = CN");
            assertEquals("auto", device.getString("provisioning"));
            assertEquals("active", device.getString("status"));
            assertEquals(5, device.getJsonArray("topics").size());
            assertTrue(Broker.userExists(issued.commonName()), "an active device gets its own broker account");

            // Still the first connection, authorised by Kamea: its own topics work.
            assertEquals(1, client.subscribe(topics(issued).desiredConfiguration()));
            assertEquals(1, client.subscribe(topics(issued).commandRequests()));
            try (Bus bus = Bus.subscribe(Bus.RAW_DATA, device.getString("id"))) {
                client.publish(topics(issued).telemetry(), "{\"temp\":20.5}");
                var received = bus.receive(1, 15);
                assertEquals(1, received.size(), "the telemetry went through kamea.telemetry to the bus");
                assertEquals(issued.commonName(), received.get(0).getStringProperty(BusHeaders.INTERFACE_NAME));
            }
        }

        // The next connection goes through the broker's own account.
        try (Bus bus = Bus.subscribe(Bus.RAW_DATA, device.getString("id"));
             var client = certificates.connect(issued)) {
            client.publish(topics(issued).telemetry(), "{\"temp\":20.7}");
            assertEquals(1, bus.receive(1, 15).size());
        }
        assertEquals(1, count(issued.commonName()), "connecting again creates nothing");

        Http.Reply approved = Http.api("POST", "/devices/" + device.getString("id") + "/approve", null);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("active", approved.json().getString("status"), "approving an active device changes nothing");
    }

    @Test
    void firstConnectionMayUseOnlyItsOwnTopics() throws Exception {
        var victim = Devices.withPassword(Devices.uniqueName("auto-victim"));
        String watch = Broker.watch(RoutingKeys.of(victim.topics().everything()));
        try {
            // One device per attempt: a forbidden publication closes the connection, and only a
            // device's first connection is authorised by Kamea rather than by its own account.
            for (String forbidden : List.of(victim.topics().telemetry(), victim.topics().reportedConfiguration(),
                    victim.topics().desiredConfiguration())) {
                var issued = whitelisted("auto-intruder");
                try (var client = certificates.connect(issued)) {
                    assertThrows(MqttException.class, () -> client.publish(forbidden, "forged"), forbidden);
                    assertTrue(client.droppedWithin(5), "the broker closed the connection after publishing to " + forbidden);
                }
            }
            var writer = whitelisted("auto-intruder");
            try (var client = certificates.connect(writer)) {
                assertThrows(MqttException.class, () -> client.publish(topics(writer).desiredConfiguration(), "{}"),
                        "its own desired configuration is Kamea's to write");
                assertTrue(client.droppedWithin(5));
            }
            for (String filter : List.of(victim.topics().desiredConfiguration(),
                    DeviceTopics.ofAnyDevice().desiredConfiguration(), DeviceTopics.allDevices())) {
                var issued = whitelisted("auto-snoop");
                try (var client = certificates.connect(issued)) {
                    assertSubscriptionRefused(client, filter);
                }
            }
            assertEquals(List.of(), Broker.peek(watch, 10), "nothing reached the other device's topics");
        } finally {
            Broker.delete(watch);
            Devices.delete(victim);
        }
    }

    @Test
    void concurrentFirstConnectionsOfOneCommonNameMakeOneDevice() throws Exception {
        var issued = whitelisted("auto-racer");
        int connections = 4;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DeviceClient>> clients = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                // A device's client id is its login, so the racers share it and the broker keeps
                // the newest of their sessions: a racer may be closed before its CONNACK.
                String clientId = issued.commonName();
                Callable<DeviceClient> connect = () -> {
                    start.await();
                    return DeviceClient.connectWithCertificate(clientId, issued.certificate(), issued.key());
                };
                clients.add(pool.submit(connect));
            }
            start.countDown();
            int connected = 0;
            for (Future<DeviceClient> client : clients) {
                try (DeviceClient c = client.get(30, TimeUnit.SECONDS)) {
                    connected++;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    // taken over by a twin: counted below
                }
            }
            assertTrue(connected >= 1, "the device got in");
            assertEquals(1, count(issued.commonName()), "one device for the common name");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void certificateFromAnUnknownCaIsRefusedAndCreatesNothing() throws Exception {
        String cn = TestCertificates.freshCommonName("auto-stranger");
        commonNames.add(cn);
        var issued = certificates.issue(cn, TestCertificates.UNKNOWN_CA);

        MqttException refused = assertThrows(MqttException.class, () -> certificates.connect(issued));
        // With TLS 1.3 the client finishes its side of the handshake before the broker checks its
        // certificate: it sees the broker's alert (SSLException) or, when it was already writing
        // its CONNECT, the closed socket. Never a CONNACK refusal: no login was attempted.
        assertTrue(causedBy(refused, SSLException.class) || causedBy(refused, SocketException.class),
                "refused by TLS, not at login: " + refused + " (reason code " + refused.getReasonCode() + ")");
        assertEquals(Optional.empty(), Devices.findByInterfaceName(cn));
    }

    @Test
    void passwordLoginsAreNeverAutoProvisioned() {
        var device = Devices.withPassword(Devices.uniqueName("auto-locked"));
        String stranger = TestCertificates.freshCommonName("auto-password");
        commonNames.add(stranger);
        try {
            assertThrows(MqttException.class,
                    () -> DeviceClient.connect(device.login(), device.login(), device.password() + "x"),
                    "a password device with a wrong password");
            assertThrows(MqttException.class, () -> DeviceClient.connect(stranger, stranger, "guess"),
                    "an unknown login with a password");
            assertEquals(Optional.empty(), Devices.findByInterfaceName(stranger));
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void authEndpointsRefuseCallsWithoutTheBrokersSecret() {
        for (String path : PATHS) {
            String endpoint = "/broker-auth/" + path;
            for (String authorization : new String[] {null, Http.basic("rabbitmq", "wrong-secret"),
                    Http.basic("rabbitmq", "")}) {
                Http.Reply reply = Http.form(endpoint, "username=" + "kamea-admin", authorization);
                assertEquals(401, reply.status(), endpoint + " with " + authorization + ": " + reply.body());
                assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
                assertEquals(401, reply.json().getInt("status"));
            }
        }
        assumeTrue(SECRET != null && !SECRET.isBlank(), "RMQ_AUTH_SECRET in this environment");
        Http.Reply withSecret = Http.form("/broker-auth/user", "username=kamea-admin&password=x",
                Http.basic("rabbitmq", SECRET));
        assertEquals(200, withSecret.status(), withSecret.body());
        assertEquals("deny", withSecret.body(), "the administrator never logs in through Kamea");
    }

    @Test
    void autoProvisionedDeviceCanBeDeletedWhileConnected() throws Exception {
        var issued = whitelisted("auto-retired");
        try (var client = certificates.connect(issued)) {
            String id = Devices.findByInterfaceName(issued.commonName()).orElseThrow().getString("id");
            assertEquals(204, Http.api("DELETE", "/devices/" + id, null).status());
            assertTrue(client.droppedWithin(10), "the open connection was closed");
            assertEquals(404, Http.api("GET", "/devices/" + id, null).status());
        }
        assertFalse(Broker.userExists(issued.commonName()), "no broker account left");
    }

    @Test
    void pendingDeviceReadsButPublishesNothingUntilApproved() throws Exception {
        assumeTrue(APPROVAL, "with approval (KAMEA_AUTO_PROVISIONING_APPROVAL=true)");
        var issued = whitelisted("auto-pending");
        String id;
        try (var client = certificates.connect(issued)) {
            JsonObject device = Devices.findByInterfaceName(issued.commonName()).orElseThrow();
            id = device.getString("id");
            assertEquals("pending", device.getString("status"));
            assertEquals("auto", device.getString("provisioning"));
            assertTrue(pending().contains(id), "GET /devices?status=pending lists it");
            assertFalse(Broker.userExists(issued.commonName()), "no broker account before approval");

            Http.Reply desired = Http.api("PUT", "/devices/" + id + "/configurations/desired", "{\"mode\":\"eco\"}");
            assertEquals(200, desired.status(), desired.body());
            assertEquals(1, client.subscribe(topics(issued).desiredConfiguration()));
            var received = client.received.poll(10, TimeUnit.SECONDS);
            assertTrue(received != null && received.payload().contains("eco"), "its desired configuration: " + received);

            assertThrows(MqttException.class, () -> client.publish(topics(issued).telemetry(), "{\"t\":1}"));
            assertTrue(client.droppedWithin(5), "a pending device's publication closes its connection");
        }

        try (Bus bus = Bus.subscribe(Bus.RAW_DATA, id);
             var openWhilePending = certificates.connect(issued)) {
            assertEquals(1, openWhilePending.subscribe(topics(issued).commandRequests()));

            Http.Reply approved = Http.api("POST", "/devices/" + id + "/approve", null);
            assertEquals(200, approved.status(), approved.body());
            assertEquals("active", approved.json().getString("status"));
            assertTrue(Broker.userExists(issued.commonName()), "approval gives it its broker account");
            assertFalse(pending().contains(id));
            Http.Reply again = Http.api("POST", "/devices/" + id + "/approve", null);
            assertEquals(200, again.status(), again.body());
            assertEquals("active", again.json().getString("status"));

            openWhilePending.publish(topics(issued).telemetry(), "{\"t\":2}");
            assertEquals(1, bus.receive(1, 15).size(), "a connection opened while pending publishes once approved");
        }
        try (Bus bus = Bus.subscribe(Bus.RAW_DATA, id);
             var client = certificates.connect(issued)) {
            client.publish(topics(issued).telemetry(), "{\"t\":3}");
            assertEquals(1, bus.receive(1, 15).size(), "approved, its own account lets it publish");
        }
    }

    @Test
    void unknownDeviceCannotBeApproved() {
        Http.Reply reply = Http.api("POST", "/devices/no-such-device/approve", null);
        assertEquals(404, reply.status(), reply.body());
    }

    @Test
    void statusFilterMustBeKnown() {
        Http.Reply reply = Http.api("GET", "/devices?status=sleeping", null);
        assertEquals(400, reply.status(), reply.body());
        Http.Reply auto = Http.api("POST", "/devices", "{\"name\":\"" + Devices.uniqueName("auto-asked")
                + "\",\"provisioning\":\"auto\"}");
        assertEquals(400, auto.status(), "auto-provisioning is not asked for: " + auto.body());
    }

    private TestCertificates.Issued whitelisted(String prefix) throws Exception {
        String cn = TestCertificates.freshCommonName(prefix);
        commonNames.add(cn);
        return certificates.issue(cn, TestCertificates.WHITELISTED_CA);
    }

    private static DeviceTopics topics(TestCertificates.Issued issued) {
        return DeviceTopics.of(issued.commonName());
    }

    private static long count(String interfaceName) {
        return Http.api("GET", "/devices?size=500", null).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("interfaceName").equals(interfaceName))
                .count();
    }

    private static List<String> pending() {
        return Http.api("GET", "/devices?status=pending&size=500", null).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(d -> d.getString("id")).toList();
    }

    /**
     * RabbitMQ 3.10 answers a subscription it does not authorise by closing the connection (no
     * SUBACK with 0x80), whether it asked Kamea or its own database.
     */
    private static void assertSubscriptionRefused(DeviceClient client, String filter) throws InterruptedException {
        assertThrows(MqttException.class, () -> client.subscribe(filter), "subscribing to " + filter);
        assertTrue(client.droppedWithin(5), "the broker closed the connection after subscribing to " + filter);
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
