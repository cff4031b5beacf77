package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Desired configurations: full documents, published retained so that a device receives the
 * latest one when it subscribes, even on its very first connection.
 */
class DesiredConfigurationIT {

    @Test
    void desiredSetBeforeTheFirstConnectionArrivesOnTheFirstSubscribeAndUpdatesReplaceIt() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("valve"));
        try {
            JsonObject first = put(device, "{\"temp\":12,\"speed\":4}");
            assertEquals(1, first.getInt("version"));

            try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                assertEquals(1, client.subscribe(device.topics().desiredConfiguration()));
                var retained = client.received.poll(10, TimeUnit.SECONDS);
                assertNotNull(retained, "the retained desired configuration arrived on subscribe");
                assertTrue(retained.retained());
                assertEquals(json("{\"temp\":12,\"speed\":4}"), json(retained.payload()));

                assertEquals(2, put(device, "{\"temp\":15}").getInt("version"));
                // The previous document may come once more first: it is published again on connect.
                var update = client.received.poll(10, TimeUnit.SECONDS);
                while (update != null && json(update.payload()).equals(json("{\"temp\":12,\"speed\":4}"))) {
                    update = client.received.poll(10, TimeUnit.SECONDS);
                }
                assertNotNull(update, "the update arrived");
                assertEquals(json("{\"temp\":15}"), json(update.payload()), "speed was removed");

                JsonObject states = Http.api("GET", "/devices/" + device.id() + "/configurations", null).json();
                assertEquals(Map.of("temp", "pending"), keys(states));

                client.publish(device.topics().reportedConfiguration(), "{\"temp\":15,\"mode\":\"eco\"}");
                assertTrue(waitFor(() -> keys(Http.api("GET", "/devices/" + device.id() + "/configurations", null)
                        .json()).equals(Map.of("temp", "in-sync", "mode", "drifted"))));
            }
            // A new session gets the latest document, and only that one: retained, and published
            // again when the device connects (for a cluster node that lacks the retained copy).
            try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                client.subscribe(device.topics().desiredConfiguration());
                var retained = client.received.poll(10, TimeUnit.SECONDS);
                assertNotNull(retained);
                assertEquals(json("{\"temp\":15}"), json(retained.payload()));
                for (var again = client.received.poll(2, TimeUnit.SECONDS); again != null;
                     again = client.received.poll(2, TimeUnit.SECONDS)) {
                    assertEquals(json("{\"temp\":15}"), json(again.payload()));
                }
            }
        } finally {
            Devices.delete(device);
        }
    }

    /**
     * The next device given a deleted device's name (a certificate's CN) must not receive what was
     * meant for the deleted one: deleting a device clears its retained desired configuration.
     */
    @Test
    void deletingADeviceClearsItsRetainedConfiguration() throws Exception {
        String cn = "device-whitelisted";
        var pem = Stack.PKI.resolve("devices/" + cn + ".pem");
        var key = Stack.PKI.resolve("devices/" + cn + ".key");
        Devices.deleteByInterfaceName(cn);
        var first = Devices.withCertificate(Devices.uniqueName("retained-first"), cn);
        try {
            Http.Reply put = Http.api("PUT", "/devices/" + first.id() + "/configurations/desired", "{\"secret\":\"first\"}");
            assertEquals(200, put.status(), put.body());
            try (var client = DeviceClient.connectWithCertificate(cn, pem, key)) {
                client.subscribe(first.topics().desiredConfiguration());
                var retained = client.received.poll(10, TimeUnit.SECONDS);
                assertNotNull(retained, "control: the first device receives its retained configuration");
            }
        } finally {
            Devices.delete(first);
        }
        var second = Devices.withCertificate(Devices.uniqueName("retained-second"), cn);
        try (var client = DeviceClient.connectWithCertificate(cn, pem, key)) {
            client.subscribe(second.topics().desiredConfiguration());
            var leaked = client.received.poll(3, TimeUnit.SECONDS);
            assertEquals(null, leaked, "nothing retained for the next holder of the name");
        } finally {
            Devices.delete(second);
        }
    }

    @Test
    void onlyAJsonObjectIsADesiredConfiguration() {
        var device = Devices.withPassword(Devices.uniqueName("strict"));
        try {
            for (String body : new String[] {"[1,2]", "12", "\"on\"", "{\"temp\":", ""}) {
                Http.Reply reply = Http.api("PUT", "/devices/" + device.id() + "/configurations/desired", body);
                assertEquals(400, reply.status(), body + " -> " + reply.body());
                assertTrue(reply.contentType().startsWith("application/problem+json"));
            }
            assertEquals(404, Http.api("PUT", "/devices/nobody/configurations/desired", "{}").status());
        } finally {
            Devices.delete(device);
        }
    }

    private static JsonObject put(Devices.Provisioned device, String document) {
        Http.Reply reply = Http.api("PUT", "/devices/" + device.id() + "/configurations/desired", document);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static Map<String, String> keys(JsonObject configurations) {
        var keys = new java.util.TreeMap<String, String>();
        configurations.getJsonObject("keys").forEach((k, v) -> keys.put(k, ((jakarta.json.JsonString) v).getString()));
        return keys;
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 75; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
