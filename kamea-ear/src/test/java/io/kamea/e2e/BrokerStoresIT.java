package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.contract.RoutingKeys;
import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the broker keeps of the messages that are not ingested, and what it refuses outright: the
 * dead-letter and unroutable queues are bounded by a policy and shown and purged through
 * {@code /api/ingestion/rejected}; a device's publish over {@code KAMEA_MAX_MESSAGE_BYTES} is
 * refused by RabbitMQ itself ({@code max_message_size}) and reaches neither a queue nor the bus.
 * The tests purge the two queues: they assume no other test runs at the same time.
 */
class BrokerStoresIT {

    private static final String POLICY = "kamea-rejected-bounds";
    private static final long MAX_LENGTH = number("KAMEA_REJECTED_MAX_LENGTH", 100_000);
    private static final long MAX_BYTES = number("KAMEA_REJECTED_MAX_BYTES", 104_857_600);
    private static final long MAX_MESSAGE_BYTES = number("KAMEA_MAX_MESSAGE_BYTES", 131_072);
    private static final String REJECTED = "/ingestion/rejected";

    @Test
    void bothQueuesAreBoundedByThePolicyDroppingTheirOldest() {
        for (String queue : List.of("kamea.dead-letter", "kamea.unroutable")) {
            Http.Reply reply = Http.management("GET", "/queues/" + Stack.VHOST + "/" + queue, null);
            assertEquals(200, reply.status(), reply.body());
            JsonObject stats = reply.json();
            assertEquals(POLICY, stats.getString("policy", ""), queue + ": " + reply.body());
            JsonObject applied = stats.getJsonObject("effective_policy_definition");
            assertEquals(MAX_LENGTH, applied.getJsonNumber("max-length").longValue(), queue);
            assertEquals(MAX_BYTES, applied.getJsonNumber("max-length-bytes").longValue(), queue);
            assertEquals("drop-head", applied.getString("overflow"), queue);
        }
        // the ingestion queues stay unbounded: a policy there would drop telemetry
        Http.Reply telemetry = Http.management("GET", "/queues/" + Stack.VHOST + "/kamea.telemetry", null);
        assertEquals(200, telemetry.status(), telemetry.body());
        assertFalse(telemetry.json().getString("policy", "").equals(POLICY), telemetry.body());

        JsonObject bounds = store("dead-letter").getJsonObject("bounds");
        assertEquals(Json.createObjectBuilder().add("maxBytes", MAX_BYTES).add("maxLength", MAX_LENGTH)
                .add("overflow", "drop-head").add("policy", POLICY).build(), bounds);
    }

    @Test
    void aPublishOverTheLimitIsRefusedByTheBrokerAndReachesNeitherAQueueNorTheBus() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("bulky"));
        // A queue bound like kamea.telemetry (device.*.telemetries), for this device alone: whatever
        // the broker routes to kamea.telemetry from it lands here too, and stays for the test to read.
        String watch = Broker.watch(RoutingKeys.of(device.topics().telemetry()));
        byte[] tooLarge = new byte[(int) Math.max(200 * 1024, MAX_MESSAGE_BYTES + 1)];
        Arrays.fill(tooLarge, (byte) 'x');
        String small = "{\"after\":\"" + UUID.randomUUID() + "\"}";
        long tooLargeBefore = counter("telemetry.rejected.too-large");
        try (Bus bus = Bus.subscribe(Bus.RAW_DATA, device.id())) {
            try (var qos1 = DeviceClient.connect(device.login(), device.login(), device.password())) {
                assertFalse(qos1.publishTakenWithin(device.topics().telemetry(), tooLarge, 1, 10),
                        "QoS 1: no PUBACK for " + tooLarge.length + " bytes");
            }
            try (var qos0 = DeviceClient.connect(device.login(), device.login(), device.password())) {
                qos0.publishTakenWithin(device.topics().telemetry(), tooLarge, 0, 10);
                assertTrue(qos0.droppedWithin(10), "QoS 0: the broker closed the connection");
            }
            // The control: a message that fits, from the same device, does get through; so the
            // emptiness below is the broker's refusal, not a watch or a bus that sees nothing.
            try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                assertTrue(client.publishTakenWithin(device.topics().telemetry(), small.getBytes(), 1, 10),
                        "a message that fits is acknowledged");
            }
            List<Message> received = bus.receive(2, 10);
            assertEquals(1, received.size(), "only the message that fits reached the bus");
            assertEquals(small, body((BytesMessage) received.get(0)));
            assertEquals(List.of(small), Broker.peek(watch, 10), "only the message that fits was routed");
            assertEquals(tooLargeBefore, counter("telemetry.rejected.too-large"),
                    "ingestion never saw it: the broker refused it");
        } finally {
            Broker.delete(watch);
            Devices.delete(device);
        }
    }

    @Test
    void aRefusedReportShowsInTheDeadLetterStoreUntilPurged() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("garbled"));
        try {
            purge("dead-letter");
            long before = countedByIngestion("reported-configuration", "invalid-configuration");
            Instant sent = Instant.now();
            try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                client.publish(device.topics().reportedConfiguration(), "not json " + UUID.randomUUID());
            }
            String routingKey = RoutingKeys.of(device.topics().reportedConfiguration());
            // the depth is the broker's statistics, published every 5 s
            assertTrue(Servers.waitFor(() -> {
                JsonObject store = store("dead-letter");
                return messages(store) >= 1 && store.containsKey("oldest")
                        && store.getJsonObject("oldest").getString("routingKey").equals(routingKey);
            }, 30), () -> "the refused report in the store: " + store("dead-letter"));
            JsonObject store = store("dead-letter");
            assertTrue(store.getJsonNumber("bytes").longValue() > 0, store.toString());
            JsonObject oldest = store.getJsonObject("oldest");
            assertTrue(oldest.getString("reason").startsWith("invalid-configuration"), oldest.toString());
            Instant at = Instant.parse(oldest.getString("at"));
            assertTrue(!at.isBefore(sent.minusSeconds(2)) && !at.isAfter(Instant.now().plusSeconds(2)),
                    "refused at " + at + ", sent at " + sent);
            assertTrue(countedByIngestion("reported-configuration", "invalid-configuration") >= before + 1,
                    store.toString());
            assertTrue(Servers.waitFor(() -> Metrics.value("kamea_rejected_messages",
                    "queue=\"kamea.dead-letter\"") >= 1, 30), "the gauge sees it");

            purge("dead-letter");
            assertTrue(Broker.peek("kamea.dead-letter", 1).isEmpty(), "the queue is empty right after the purge");
            assertTrue(Servers.waitFor(() -> messages(store("dead-letter")) == 0
                    && !store("dead-letter").containsKey("oldest"), 30), () -> "shown empty: " + store("dead-letter"));
            assertTrue(Servers.waitFor(() -> Metrics.value("kamea_rejected_messages",
                    "queue=\"kamea.dead-letter\"") == 0, 30), "the gauge sees it gone");
            assertTrue(countedByIngestion("reported-configuration", "invalid-configuration") >= before + 1,
                    "a purge does not reset what ingestion counted");
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void aMessageRoutedNowhereShowsInTheUnroutableStoreUntilPurged() throws Exception {
        purge("unroutable");
        String routingKey = "nowhere." + UUID.randomUUID();
        // Only an administrator can publish outside the devices' topics.
        Http.Reply published = Http.management("POST", "/exchanges/" + Stack.VHOST + "/amq.topic/publish",
                Json.createObjectBuilder().add("routing_key", routingKey).add("payload", "lost")
                        .add("payload_encoding", "string").add("properties", Json.createObjectBuilder()).build()
                        .toString());
        assertEquals(200, published.status(), published.body());

        assertTrue(Servers.waitFor(() -> store("unroutable").containsKey("oldest")
                && store("unroutable").getJsonObject("oldest").getString("routingKey").equals(routingKey)
                && messages(store("unroutable")) >= 1, 30),
                () -> "in the unroutable store: " + store("unroutable"));
        JsonObject oldest = store("unroutable").getJsonObject("oldest");
        assertFalse(oldest.containsKey("at"), "RabbitMQ 3.10 does not say when: " + oldest);
        assertEquals(4, oldest.getJsonNumber("payloadBytes").longValue());

        purge("unroutable");
        assertTrue(Broker.peek("kamea.unroutable", 1).isEmpty(), "the queue is empty right after the purge");
    }

    @Test
    void onlyTheTwoStoresExist() {
        Http.Reply list = Http.api("GET", REJECTED, null);
        assertEquals(200, list.status(), list.body());
        assertEquals(List.of("dead-letter", "unroutable"), list.json().getJsonArray("stores")
                .getValuesAs(JsonObject.class).stream().map(s -> s.getString("store")).toList());
        for (String missing : List.of("/kamea.telemetry", "/telemetry/messages")) {
            String method = missing.endsWith("/messages") ? "DELETE" : "GET";
            Http.Reply reply = Http.api(method, REJECTED + missing, null);
            assertEquals(404, reply.status(), method + " " + missing + ": " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        }
    }

    private static JsonObject store(String name) {
        Http.Reply reply = Http.api("GET", REJECTED + "/" + name, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** The store's depth in messages; -1 while the broker has published no statistics of the queue. */
    private static long messages(JsonObject store) {
        return store.containsKey("messages") ? store.getJsonNumber("messages").longValue() : -1;
    }

    private static void purge(String name) {
        Http.Reply reply = Http.api("DELETE", REJECTED + "/" + name + "/messages", null);
        assertEquals(204, reply.status(), reply.body());
    }

    /** What this server's ingestion counted for the stream and reason, 0 if nothing yet. */
    private static long countedByIngestion(String stream, String reason) {
        JsonObject byStream = store("dead-letter").getJsonObject("countedByIngestion").getJsonObject("byStream");
        return byStream.containsKey(stream) && byStream.getJsonObject(stream).containsKey(reason)
                ? byStream.getJsonObject(stream).getJsonNumber(reason).longValue() : 0;
    }

    /** A counter of {@code GET /api/ingestion}, 0 if absent. */
    private static long counter(String key) {
        JsonObject counters = Http.api("GET", "/ingestion", null).json();
        return counters.containsKey(key) ? counters.getJsonNumber(key).longValue() : 0;
    }

    private static String body(BytesMessage message) throws Exception {
        byte[] body = new byte[(int) message.getBodyLength()];
        message.readBytes(body);
        return new String(body);
    }

    private static long number(String name, long fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    }
}
