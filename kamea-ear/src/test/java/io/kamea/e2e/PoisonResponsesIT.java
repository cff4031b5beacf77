package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/**
 * One device cannot stop the other devices' command answers. Responses the API can never store
 * (a NUL byte, not UTF-8) or that settle nothing (unknown ids, another device's
 * command), which a device may publish on its own response topic, are each acknowledged and
 * counted by reason, and an answer of another device published after them still settles its
 * command in time. Before, each response that failed to store (a NUL byte: SQLSTATE 22021) stayed
 * unacknowledged in the API's persistent session; 200 of them (RabbitMQ's {@code mqtt.prefetch})
 * stopped every answer, and a restart did not help: the floods here hold more than 200. Too
 * large ones the broker refuses itself (checked here too).
 */
class PoisonResponsesIT {

    static final String REJECTED = "kamea_commands_responses_rejected_total";
    /** Every reason the metric has (io.kamea.command.ResponseOutcome). */
    static final List<String> REASONS = List.of("malformed-topic", "too-large", "invalid-utf8", "nul-byte",
            "unknown-device", "unknown-command", "foreign-command", "already-settled", "unstorable", "unavailable");
    private static final String ANSWER = "{\"ok\":true}";

    @Test
    void aThousandPoisonResponsesOfOneDeviceLeaveAnotherDevicesAnswerInTime() throws Exception {
        var attacker = Devices.withPassword(Devices.uniqueName("poison"));
        var healthy = Devices.withPassword(Devices.uniqueName("healthy"));
        try (var device = DeviceClient.connect(healthy.login(), healthy.login(), healthy.password())) {
            device.subscribe(healthy.topics().commandRequests());
            String id = CommandIT.send(healthy, "{\"name\":\"start\",\"timeoutSeconds\":120}", false).getString("id");
            assertNotNull(device.received.poll(10, TimeUnit.SECONDS), "the healthy device got its request");
            Map<String, Double> before = rejectedByReason();

            Map<String, Integer> flood = Flood.publish(attacker, id, 1000);
            // Behind the whole flood in the API's session: the broker acknowledged every poison message.
            device.publish(healthy.topics().commandResponse(id), ANSWER);

            assertSucceededInTime(id, 60);
            assertRoseBy(before, flood, 60);

            device.publish(healthy.topics().commandResponse(id), "{\"again\":true}");
            double settled = before.get("already-settled");
            assertTrue(Servers.waitFor(() -> rejected("already-settled") >= settled + 1, 30),
                    "an answer to a settled command is counted as already-settled");
            assertSucceededInTime(id, 0); // and changed nothing
        } finally {
            Devices.delete(attacker);
            Devices.delete(healthy);
        }
    }

    /**
     * The API's session is persistent: what is published while the application server is down
     * waits in the broker and comes to the server when it is back. Counters start again at 0 with
     * the server, so the second flood is counted from 0.
     */
    @Test
    void theSameAcrossAnApplicationServerRestartInTheMiddleOfTheFlood() throws Exception {
        var attacker = Devices.withPassword(Devices.uniqueName("poison"));
        var healthy = Devices.withPassword(Devices.uniqueName("healthy"));
        try (var device = DeviceClient.connect(healthy.login(), healthy.login(), healthy.password())) {
            device.subscribe(healthy.topics().commandRequests());
            // the longest timeout: the restart may take minutes (Servers waits up to 180 s)
            String id = CommandIT.send(healthy, "{\"name\":\"start\",\"timeoutSeconds\":300}", false).getString("id");
            assertNotNull(device.received.poll(10, TimeUnit.SECONDS), "the healthy device got its request");
            Map<String, Double> before = rejectedByReason();

            assertRoseBy(before, Flood.publish(attacker, id, 500), 60);
            Map<String, Integer> whileDown;
            try {
                Servers.stopApplicationServer();
                whileDown = Flood.publish(attacker, id, 500);
                device.publish(healthy.topics().commandResponse(id), ANSWER);
            } finally {
                Servers.startApplicationServer();
            }

            assertSucceededInTime(id, 120);
            Map<String, Double> fromZero = new LinkedHashMap<>();
            REASONS.forEach(reason -> fromZero.put(reason, 0.0));
            assertRoseBy(fromZero, whileDown, 60);
        } finally {
            Devices.delete(attacker);
            Devices.delete(healthy);
        }
    }

    /** The command succeeded before its deadline with the healthy device's answer, not the attacker's. */
    private static void assertSucceededInTime(String id, long seconds) throws InterruptedException {
        assertTrue(Servers.waitFor(() -> !"pending".equals(command(id).getString("status")), seconds),
                "command " + id + " settled within " + seconds + " s: " + command(id));
        JsonObject command = command(id);
        assertEquals("succeeded", command.getString("status"), command.toString());
        assertEquals(DesiredConfigurationIT.json(ANSWER), command.getJsonObject("response"), command.toString());
        assertFalse(Instant.parse(command.getString("completedAt")).isAfter(Instant.parse(command.getString("deadline"))),
                command.toString());
        assertFalse(command.containsKey("lateResponse"), command.toString());
    }

    /**
     * Each reason's counter rose by at least what was published for it ("at least": other tests
     * may use the stack meanwhile), and the two that would say the database failed did not rise.
     */
    private static void assertRoseBy(Map<String, Double> before, Map<String, Integer> published, long seconds)
            throws InterruptedException {
        boolean reached = Servers.waitFor(() -> published.entrySet().stream()
                .allMatch(e -> rejected(e.getKey()) >= before.get(e.getKey()) + e.getValue()), seconds);
        Map<String, Double> now = rejectedByReason();
        assertTrue(reached, "rejected responses rose by " + published + " within " + seconds + " s: from "
                + before + " to " + now);
        assertEquals(before.get("unavailable"), now.get("unavailable"), "no database failure");
        assertEquals(before.get("unstorable"), now.get("unstorable"), "nothing reached the database that it refused");
    }

    private static Map<String, Double> rejectedByReason() {
        Map<String, Double> values = new LinkedHashMap<>();
        REASONS.forEach(reason -> values.put(reason, rejected(reason)));
        return values;
    }

    private static double rejected(String reason) {
        return Metrics.value(REJECTED, "reason=\"" + reason + "\"");
    }

    private static JsonObject command(String id) {
        return Http.api("GET", "/commands/" + id, null).json();
    }

    /**
     * What a device may publish on its own response topic that no command can take: a quarter
     * each with a NUL byte, not UTF-8, and to unknown ids (one in five no UUID at all), 15 % to
     * another device's command, the last 10 % one byte larger than the limit. The broker may itself
     * refuse those (when its {@code max_message_size} is the same limit: RabbitMQ 3.10 then closes
     * the channel, so the connection, without a PUBACK): then only those it took are expected.
     * None has an empty id: the broker's topic permissions refuse that publication (and drop the
     * device) before the API could see a malformed topic.
     */
    static final class Flood {

        private Flood() {
        }

        /** Publishes {@code total} poison responses from {@code attacker}; the counts the broker took, by reason. */
        static Map<String, Integer> publish(Devices.Provisioned attacker, String foreignCommandId, int total)
                throws MqttException {
            int quarter = total / 4;
            int foreign = total * 15 / 100;
            int unknown = total - 2 * quarter - foreign;
            Map<String, Integer> published = new LinkedHashMap<>();
            try (var client = DeviceClient.connect(attacker.login(), attacker.login(), attacker.password())) {
                for (int i = 0; i < Math.max(unknown, quarter); i++) {
                    if (i < quarter) {
                        send(client, attacker, UUID.randomUUID().toString(), bytes("{\"a\":\"\0\"}"), "nul-byte", published);
                        send(client, attacker, UUID.randomUUID().toString(), new byte[] {'{', (byte) 0xC3, '(', '}'},
                                "invalid-utf8", published);
                    }
                    if (i < unknown) {
                        String id = i % 5 == 0 ? "not-a-command-" + i : UUID.randomUUID().toString();
                        send(client, attacker, id, bytes("{\"who\":\"nobody\"}"), "unknown-command", published);
                    }
                    if (i < foreign) {
                        send(client, attacker, foreignCommandId, bytes("{\"stolen\":true}"), "foreign-command", published);
                    }
                }
            }
            // And two too large: the broker refuses a message over KAMEA_MAX_MESSAGE_BYTES itself (its
            // max_message_size): no PUBACK, and the publishing channel is gone, hence connections of
            // their own. None reaches the API, whose own too-large check is for a broker set otherwise.
            byte[] large = new byte[Stack.MAX_MESSAGE_BYTES + 1];
            Arrays.fill(large, (byte) 'x');
            published.put("too-large", 0);
            for (int i = 0; i < 2; i++) {
                try (var client = DeviceClient.connect(attacker.login(), attacker.login(), attacker.password())) {
                    assertFalse(client.publishTakenWithin(attacker.topics().commandResponse(UUID.randomUUID().toString()),
                            large, 1, 5), "the broker acknowledged a response of " + large.length + " bytes");
                }
            }
            return published;
        }

        private static void send(DeviceClient client, Devices.Provisioned attacker, String commandId, byte[] payload,
                                 String reason, Map<String, Integer> published) throws MqttException {
            client.publish(attacker.topics().commandResponse(commandId), payload);
            published.merge(reason, 1, Integer::sum);
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
