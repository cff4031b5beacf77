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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchesTest {

    private static final Instant DELIVERED = Instant.parse("2026-11-26T10:00:00Z");
    private final RabbitMessage good = message(1, null);
    private final RabbitMessage bad = message(2, Instant.parse("2026-11-26T09:59:59Z"));

    @Test
    void rejectionsPointBackAtTheAdaptersMessagesAndTimesAreTheBrokersWhenKnownElseTheAdapters() {
        var rejections = Batches.ingest(List.of(good, bad), incoming -> {
            assertEquals(DELIVERED, incoming.get(0).receivedAt());
            assertEquals(bad.brokerTimestamp(), incoming.get(1).receivedAt());
            return List.of(new RejectedMessage(1, "unknown-device"));
        });

        assertEquals(1, rejections.size());
        assertSame(bad, rejections.get(0).message());
        assertEquals("unknown-device", rejections.get(0).reason());
    }

    @Test
    void busOrDatabaseOutagesAreTransientEvenWhenWrapped() {
        assertThrows(TransientFailureException.class, () -> Batches.ingest(List.of(good), incoming -> {
            throw new BusUnavailableException("bus down", null);
        }));
        assertThrows(TransientFailureException.class, () -> Batches.ingest(List.of(good), incoming -> {
            throw new EJBException(new PersistenceException("database down"));
        }));
    }

    @Test
    void lostDatabaseConnectionsAreTransientButDataErrorsAreNot() {
        assertThrows(TransientFailureException.class, () -> Batches.ingest(List.of(good), incoming -> {
            throw new EJBException(new PersistenceException(new SQLException("connection refused", "08001")));
        }));
        // e.g. a connection event for a device deleted meanwhile: foreign key violation
        assertThrows(EJBException.class, () -> Batches.ingest(List.of(good), incoming -> {
            throw new EJBException(new PersistenceException(new SQLException("violates foreign key", "23503")));
        }));
    }

    @Test
    void otherFailuresCountAsAttempts() {
        assertThrows(IllegalStateException.class, () -> Batches.ingest(List.of(good), incoming -> {
            throw new IllegalStateException("bug");
        }));
    }

    private static RabbitMessage message(long tag, Instant brokerTimestamp) {
        return new RabbitMessage("kamea.telemetry", "device.a.telemetries", new byte[] {1}, null, brokerTimestamp,
                Map.of(), false, tag, DELIVERED);
    }
}
