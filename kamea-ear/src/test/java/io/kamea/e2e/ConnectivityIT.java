package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Connectivity, end to end: a real device connects and disconnects over MQTT/TLS; the API shows
 * it within a second or two through the broker's connection events, and through the poll of the
 * management API alone when the events do not arrive.
 */
class ConnectivityIT {

    private static final String EVENTS_BINDING =
            "/bindings/" + Stack.VHOST + "/e/amq.rabbitmq.event/q/kamea.connection-events";

    @Test
    void connectionEventsShowWithinSeconds() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("online"));
        try {
            JsonObject before = connectivity(device);
            assertFalse(before.getBoolean("connected"), before.toString());

            try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                JsonObject up = await(device, Duration.ofSeconds(3), c -> c.getBoolean("connected"));
                assertEquals("event", latest(up).getString("source"), up.toString());
                assertTrue(up.containsKey("since") && up.containsKey("lastSeen"), up.toString());
                assertTrue(listed("true", device), "GET /devices?connected=true lists it");
                assertFalse(listed("false", device));
            }

            JsonObject down = await(device, Duration.ofSeconds(3), c -> !c.getBoolean("connected"));
            assertEquals("event", latest(down).getString("source"), down.toString());
            assertEquals(List.of(false, true), down.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                    .map(t -> t.getBoolean("connected")).toList(), "newest first");
            assertTrue(listed("false", device), "GET /devices?connected=false lists it");
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void reconnectingDeviceStaysConnected() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("reconnect"));
        try (var first = DeviceClient.connect(device.login(), device.login(), device.password())) {
            await(device, Duration.ofSeconds(3), c -> c.getBoolean("connected"));
            // same client id: the broker closes the first connection once the second is open
            try (var second = DeviceClient.connect(device.login(), device.login(), device.password())) {
                assertTrue(first.droppedWithin(5), "the broker dropped the first session");
                Thread.sleep(1500);
                JsonObject state = connectivity(device);
                assertTrue(state.getBoolean("connected"), "the late close of the first connection must not win: " + state);
            }
            await(device, Duration.ofSeconds(3), c -> !c.getBoolean("connected"));
        } finally {
            Devices.delete(device);
        }
    }

    /** Without events (the queue unbound for a while), the poll alone notices both changes. */
    @Test
    void pollAloneNoticesConnectionsAndDisconnections() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("polled"));
        Http.Reply unbind = Http.management("DELETE", EVENTS_BINDING + "/connection.%2A", null);
        assertEquals(204, unbind.status(), unbind.body());
        try {
            // the management API's listing delay (5 s) + two poll periods (10 s each: a connection is
            // gone when two polls in a row miss it) + margin
            Duration pollWait = Duration.ofSeconds(45);
            try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                JsonObject up = await(device, pollWait, c -> c.getBoolean("connected"));
                assertEquals("poll", latest(up).getString("source"), up.toString());
            }
            JsonObject down = await(device, pollWait, c -> !c.getBoolean("connected"));
            assertEquals("poll", latest(down).getString("source"), down.toString());
        } finally {
            Http.management("POST", EVENTS_BINDING, "{\"routing_key\":\"connection.*\",\"arguments\":{}}");
            Devices.delete(device);
        }
    }

    @Test
    void unknownDeviceAndBadFilterAreProblems() {
        assertEquals(404, Http.api("GET", "/devices/no-such-device/connectivity", null).status());
        assertEquals(400, Http.api("GET", "/devices?connected=maybe", null).status());
    }

    private static JsonObject connectivity(Devices.Provisioned device) {
        Http.Reply reply = Http.api("GET", "/devices/" + device.id() + "/connectivity", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject latest(JsonObject connectivity) {
        return connectivity.getJsonArray("history").getJsonObject(0);
    }

    private static boolean listed(String connected, Devices.Provisioned device) {
        JsonObject page = Http.api("GET", "/devices?size=500&connected=" + connected, null).json();
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> d.getString("id").equals(device.id()));
    }

    private static JsonObject await(Devices.Provisioned device, Duration within, Predicate<JsonObject> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject last;
        do {
            last = connectivity(device);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not within " + within + ": " + last);
    }
}
