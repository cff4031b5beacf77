package io.kamea.ingestion.rejected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kamea.broker.RabbitManagementApi.GotMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OldestMessageTest {

    @Test
    void aMessageIngestionRefusedSaysWhenAndWhyFromTheAdaptersHeaders() {
        OldestMessage oldest = OldestMessage.of(got(Map.of("headers", Map.of(
                "x-kamea-reason", "too-large: 204800 bytes, more than the 131072 of KAMEA_MAX_MESSAGE_BYTES",
                "x-kamea-queue", "kamea.telemetry",
                "x-kamea-failed-at", "2026-12-03T10:15:30.123Z",
                "x-mqtt-publish-qos", BigDecimal.ONE))));

        assertEquals(Instant.parse("2026-12-03T10:15:30.123Z"), oldest.at());
        assertEquals("too-large: 204800 bytes, more than the 131072 of KAMEA_MAX_MESSAGE_BYTES", oldest.reason());
        assertEquals("device.if-1.telemetries", oldest.routingKey());
        assertEquals(204_800, oldest.payloadBytes());
    }

    @Test
    void aMessageTheBrokerDeadLetteredSaysItsNewestDeathInSeconds() {
        OldestMessage oldest = OldestMessage.of(got(Map.of("headers", Map.of("x-death", List.of(
                Map.of("reason", "expired", "queue", "kamea.telemetry", "time", new BigDecimal(1_764_756_000L),
                        "count", BigDecimal.ONE),
                Map.of("reason", "rejected", "queue", "kamea.telemetry", "time", new BigDecimal(1_700_000_000L),
                        "count", BigDecimal.ONE))))));

        assertEquals(Instant.ofEpochSecond(1_764_756_000L), oldest.at());
        assertEquals("broker: expired", oldest.reason());
    }

    @Test
    void aPublishersTimestampIsTheLastResort() {
        OldestMessage oldest = OldestMessage.of(got(Map.of("timestamp", new BigDecimal(1_764_756_000L),
                "headers", Map.of())));

        assertEquals(Instant.ofEpochSecond(1_764_756_000L), oldest.at());
        assertNull(oldest.reason());
    }

    @Test
    void anUnroutableMqttPublishTellsNeitherWhenNorWhy() {
        OldestMessage oldest = OldestMessage.of(got(Map.of("delivery_mode", BigDecimal.valueOf(2), "headers",
                Map.of("x-mqtt-publish-qos", BigDecimal.ONE, "x-mqtt-dup", false))));

        assertNull(oldest.at());
        assertNull(oldest.reason());
        assertEquals("device.if-1.telemetries", oldest.routingKey());
    }

    @Test
    void aTimeHeaderSomeoneElseWroteIsIgnoredNotFatal() {
        OldestMessage oldest = OldestMessage.of(got(Map.of("headers", Map.of("x-kamea-failed-at", "yesterday"))));

        assertNull(oldest.at());
    }

    private static GotMessage got(Map<String, Object> properties) {
        return new GotMessage(204_800, true, "kamea.dead-letter", "device.if-1.telemetries", 0, properties);
    }
}
