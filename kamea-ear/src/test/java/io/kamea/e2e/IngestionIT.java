package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.contract.BusHeaders;
import io.kamea.contract.DeviceTopics;
import io.kamea.contract.RoutingKeys;
import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ingestion, end to end: devices publish over MQTT/TLS, RabbitMQ queues the messages, the MDBs
 * forward them to the Artemis bus, where a subscriber receives them with their ingestion
 * information. What cannot be ingested ends in the dead-letter queue with its reason.
 */
class IngestionIT {

    @Test
    void everyTelemetryReachesTheBusWithItsIngestionInformation() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("meter"));
        int count = 300;
        Set<String> sent = new HashSet<>();
        Instant before = Instant.now();
        try (Bus bus = Bus.subscribe(Bus.RAW_DATA, device.id());
             var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
            for (int i = 0; i < count; i++) {
                String payload = "{\"seq\":" + i + ",\"run\":\"" + UUID.randomUUID() + "\"}";
                sent.add(payload);
                client.publish(device.topics().telemetry(), payload);
            }
            List<Message> received = bus.receive(count, 15);
            assertEquals(count, received.size(), "every telemetry reached the bus");
            Set<String> payloads = new HashSet<>();
            for (Message message : received) {
                BytesMessage bytes = (BytesMessage) message;
                byte[] body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
                payloads.add(new String(body));
                assertEquals(BusHeaders.TELEMETRY, message.getStringProperty(BusHeaders.KIND));
                assertEquals(device.id(), message.getStringProperty(BusHeaders.DEVICE_ID));
                assertEquals(device.name(), message.getStringProperty(BusHeaders.DEVICE_NAME));
                assertEquals(device.login(), message.getStringProperty(BusHeaders.INTERFACE_NAME));
                assertEquals("json", message.getStringProperty(BusHeaders.CODEC));
                long receivedAt = message.getLongProperty(BusHeaders.RECEIVED_AT);
                assertTrue(receivedAt >= before.toEpochMilli() - 1000 && receivedAt <= System.currentTimeMillis(),
                        "received timestamp " + receivedAt);
                assertTrue(message.getStringProperty(BusHeaders.MESSAGE_ID).length() > 0);
                assertTrue(message.getJMSDeliveryMode() == jakarta.jms.DeliveryMode.PERSISTENT);
            }
            assertEquals(sent, payloads, "payloads arrive untouched");
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void reportedConfigurationIsAFullDocumentAndAMissingKeyIsRemoved() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("heater"));
        try (Bus bus = Bus.subscribe(Bus.REPORTED_STATE, device.id());
             var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
            client.publish(device.topics().reportedConfiguration(), "{\"temp\":12,\"speed\":4}");
            client.publish(device.topics().reportedConfiguration(), "{\"temp\":12}");

            List<Message> received = bus.receive(2, 15);
            assertEquals(2, received.size());
            JsonObject first = json(((TextMessage) received.get(0)).getText());
            assertEquals(List.of("speed", "temp"), strings(first, "added"));
            JsonObject second = json(((TextMessage) received.get(1)).getText());
            assertEquals(json("{\"temp\":12}"), second.getJsonObject("document"));
            assertEquals(List.of("speed"), strings(second, "removed"));
            assertEquals(List.of(), strings(second, "added"));
            assertEquals(List.of(), strings(second, "changed"));
            assertEquals(device.id(), received.get(1).getStringProperty(BusHeaders.DEVICE_ID));

            // The bus first, then the database: the second report can reach this subscriber a
            // moment before it is stored (seen once under load). Wait for it.
            assertTrue(waitFor(() -> Http.api("GET", "/devices/" + device.id() + "/configurations/reported", null)
                    .json().getInt("version") == 2), "the second report was stored");
            JsonObject stored = Http.api("GET", "/devices/" + device.id() + "/configurations/reported", null).json();
            assertEquals(json("{\"temp\":12}"), stored.getJsonObject("document"));
            assertEquals(2, stored.getInt("version"));
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void whatCannotBeIngestedIsDeadLetteredWithItsReasonAndCounted() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("broken"));
        String notJson = "not json " + UUID.randomUUID();
        String forNobody = "{\"orphan\":\"" + UUID.randomUUID() + "\"}";
        try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
            client.publish(device.topics().reportedConfiguration(), notJson);
            client.publish(device.topics().reportedConfiguration(), "[1,2,3]");
            client.publish(device.topics().reportedConfiguration(), "{\"valid\":true}");
        }
        // A routing key that names no device: only an administrator can publish it.
        Http.Reply published = Http.management("POST", "/exchanges/" + Stack.VHOST + "/amq.topic/publish",
                Json.createObjectBuilder().add("routing_key", RoutingKeys.of(DeviceTopics.of("nobody-" + UUID.randomUUID()).telemetry()))
                        .add("payload", forNobody).add("payload_encoding", "string")
                        .add("properties", Json.createObjectBuilder()).build().toString());
        assertEquals(200, published.status(), published.body());
        try {
            assertTrue(waitFor(() -> reasonOf(notJson).startsWith("invalid-configuration")),
                    "not-JSON report dead-lettered with its reason");
            assertTrue(waitFor(() -> reasonOf(forNobody).startsWith("unknown-device")),
                    "telemetry for no device dead-lettered with its reason");
            // The three reports may come in separate batches: wait for the last one.
            assertTrue(waitFor(() -> Http.api("GET", "/devices/" + device.id() + "/configurations/reported", null)
                    .json().getInt("version") == 1), "the valid report after the bad ones was ingested");
            JsonObject counters = Http.api("GET", "/ingestion", null).json();
            assertTrue(counters.getJsonNumber("reported-configuration.rejected.invalid-configuration").longValue() >= 2,
                    counters.toString());
            assertTrue(counters.getJsonNumber("telemetry.rejected.unknown-device").longValue() >= 1, counters.toString());
        } finally {
            Devices.delete(device);
        }
    }

    /** The x-kamea-reason of the dead-lettered message with this payload, or "" if not there. */
    private static String reasonOf(String payload) {
        Http.Reply reply = Http.management("POST", "/queues/" + Stack.VHOST + "/kamea.dead-letter/get",
                "{\"count\":10000,\"ackmode\":\"ack_requeue_true\",\"encoding\":\"auto\"}");
        return reply.parse().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("payload").equals(payload))
                .map(m -> m.getJsonObject("properties").getJsonObject("headers").getString("x-kamea-reason", ""))
                .findFirst().orElse("");
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 75; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
