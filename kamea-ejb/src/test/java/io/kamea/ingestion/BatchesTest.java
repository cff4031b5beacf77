package io.kamea.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kamea.bus.BusUnavailableException;
import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.TransientFailureException;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RabbitMessage good = message(1, null);
    private final RabbitMessage bad = message(2, Instant.parse("2026-11-26T09:59:59Z"));

    @Test
    void rejectionsPointBackAtTheAdaptersMessagesAndTimesAreTheBrokersWhenKnown() {
        var rejections = Batches.ingest(List.of(good, bad), incoming -> {
            assertEquals(NOW, incoming.get(0).receivedAt());
            assertEquals(bad.brokerTimestamp(), incoming.get(1).receivedAt());
            return List.of(new RejectedMessage(1, "unknown-device"));
        }, clock);

        assertEquals(1, rejections.size());
        assertSame(bad, rejections.get(0).message());
        assertEquals("unknown-device", rejections.get(0).reason());
    }

    @Test
    void busOrDatabaseOutagesAreTransientEvenWhenWrapped() {
        assertThrows(TransientFailureException.class, () -> Batches.ingest(List.of(good), incoming -> {
            throw new BusUnavailableException("bus down", null);
        }, clock));
        assertThrows(TransientFailureException.class, () -> Batches.ingest(List.of(good), incoming -> {
            throw new EJBException(new PersistenceException("database down"));
        }, clock));
    }

    @Test
    void lostDatabaseConnectionsAreTransientButDataErrorsAreNot() {
        assertThrows(TransientFailureException.class, () -> Batches.ingest(List.of(good), incoming -> {
            throw new EJBException(new PersistenceException(new SQLException("connection refused", "08001")));
        }, clock));
        // e.g. a connection event for a device deleted meanwhile: foreign key violation
        assertThrows(EJBException.class, () -> Batches.ingest(List.of(good), incoming -> {
            throw new EJBException(new PersistenceException(new SQLException("violates foreign key", "23503")));
        }, clock));
    }

    @Test
    void otherFailuresCountAsAttempts() {
        assertThrows(IllegalStateException.class, () -> Batches.ingest(List.of(good), incoming -> {
            throw new IllegalStateException("bug");
        }, clock));
    }

    private static RabbitMessage message(long tag, Instant brokerTimestamp) {
        return new RabbitMessage("kamea.telemetry", "device.a.telemetries", new byte[] {1}, null, brokerTimestamp,
                Map.of(), false, tag);
    }
}
