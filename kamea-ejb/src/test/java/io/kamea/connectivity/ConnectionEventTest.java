package io.kamea.connectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Headers as RabbitMQ 3.10's event exchange sends them (recorded from a real node). */
class ConnectionEventTest {

    private static final Instant FALLBACK = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void createdCarriesUserVhostAndTimestamp() {
        var event = ConnectionEvent.from("connection.created", Map.of(
                "name", "127.0.0.1:52874 -> 127.0.0.1:8883", "user", "probe1", "vhost", "kamea",
                "timestamp_in_ms", 1795658714585L, "protocol", "{'MQTT',\"3.1.1\"}"), FALLBACK).orElseThrow();
        assertEquals(ConnectionEvent.Kind.CREATED, event.kind());
        assertEquals("127.0.0.1:52874 -> 127.0.0.1:8883", event.connectionName());
        assertEquals("probe1", event.user());
        assertEquals("kamea", event.vhost());
        assertEquals(Instant.ofEpochMilli(1795658714585L), event.at());
    }

    @Test
    void closedNamesTheConnectionOnly() {
        var event = ConnectionEvent.from("connection.closed", Map.of(
                "name", "127.0.0.1:52874 -> 127.0.0.1:8883", "node", "kamea@localhost",
                "timestamp_in_ms", 1795658722509L), FALLBACK).orElseThrow();
        assertEquals(ConnectionEvent.Kind.CLOSED, event.kind());
        assertNull(event.user());
    }

    @Test
    void otherEventsAndNamelessOnesAreSkipped() {
        assertTrue(ConnectionEvent.from("channel.created", Map.of("name", "x"), FALLBACK).isEmpty());
        assertTrue(ConnectionEvent.from("connection.closed", Map.of(), FALLBACK).isEmpty());
        assertEquals(FALLBACK, ConnectionEvent.from("connection.closed", Map.of("name", "x"), FALLBACK).orElseThrow().at());
    }
}
