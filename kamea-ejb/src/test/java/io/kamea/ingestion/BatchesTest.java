package io.kamea.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.kamea.bus.BusUnavailableException;
import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.TransientFailureException;
import io.kamea.platform.MessageLimits;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchesTest {

    private static final Instant DELIVERED = Instant.parse("2026-11-26T10:00:00Z");
    private static final int LIMIT = 8;
    private final RabbitMessage good = message(1, null);
    private final RabbitMessage bad = message(2, Instant.parse("2026-11-26T09:59:59Z"));
    private final IngestionStatistics statistics = mock(IngestionStatistics.class);
    private final Batches batches = new Batches(new MessageLimits(LIMIT), statistics);

    @Test
    void rejectionsPointBackAtTheAdaptersMessagesAndTimesAreTheBrokersWhenKnownElseTheAdapters() {
        var rejections = batches.ingest("telemetry", List.of(good, bad), incoming -> {
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
        assertThrows(TransientFailureException.class, () -> batches.ingest("telemetry", List.of(good), incoming -> {
            throw new BusUnavailableException("bus down", null);
        }));
        assertThrows(TransientFailureException.class, () -> batches.ingest("telemetry", List.of(good), incoming -> {
            throw new EJBException(new PersistenceException("database down"));
        }));
    }

    @Test
    void lostDatabaseConnectionsAreTransientButDataErrorsAreNot() {
        assertThrows(TransientFailureException.class, () -> batches.ingest("telemetry", List.of(good), incoming -> {
            throw new EJBException(new PersistenceException(new SQLException("connection refused", "08001")));
        }));
        // e.g. a connection event for a device deleted meanwhile: foreign key violation
        assertThrows(EJBException.class, () -> batches.ingest("telemetry", List.of(good), incoming -> {
            throw new EJBException(new PersistenceException(new SQLException("violates foreign key", "23503")));
        }));
    }

    @Test
    void otherFailuresCountAsAttempts() {
        assertThrows(IllegalStateException.class, () -> batches.ingest("telemetry", List.of(good), incoming -> {
            throw new IllegalStateException("bug");
        }));
    }

    @Test
    void aMessageOverTheLimitIsDeadLetteredAsTooLargeAndNeverReachesTheStream() {
        RabbitMessage large = sized(3, new byte[LIMIT + 1]);
        RabbitMessage exactlyTheLimit = sized(4, new byte[LIMIT]);
        List<List<IncomingMessage>> seen = new ArrayList<>();

        var rejections = batches.ingest("telemetry", List.of(good, large, exactlyTheLimit), incoming -> {
            seen.add(incoming);
            return List.of(new RejectedMessage(1, "unknown-device: ...")); // the stream's second: exactlyTheLimit
        });

        assertEquals(1, seen.size());
        assertEquals(2, seen.get(0).size(), "the stream saw only the messages that fit");
        assertEquals(LIMIT, seen.get(0).get(1).payload().length);
        assertEquals(2, rejections.size());
        assertSame(large, rejections.get(0).message());
        assertEquals("too-large: 9 bytes, more than the 8 of KAMEA_MAX_MESSAGE_BYTES", rejections.get(0).reason());
        assertSame(exactlyTheLimit, rejections.get(1).message(), "the stream's index points into what it saw");
        verify(statistics).rejected("telemetry", Batches.TOO_LARGE);
        verifyNoMoreInteractions(statistics);
    }

    @Test
    void aBatchOfOnlyTooLargeMessagesNeverCallsTheStream() {
        RabbitMessage large = sized(3, new byte[LIMIT * 100]);

        var rejections = batches.ingest("reported-configuration", List.of(large), incoming -> {
            throw new AssertionError("the stream was called with " + incoming.size() + " message(s)");
        });

        assertEquals(1, rejections.size());
        assertTrue(rejections.get(0).reason().startsWith("too-large: 800 bytes"), rejections.get(0).reason());
        verify(statistics).rejected("reported-configuration", Batches.TOO_LARGE);
    }

    private static RabbitMessage message(long tag, Instant brokerTimestamp) {
        return new RabbitMessage("kamea.telemetry", "device.a.telemetries", new byte[] {1}, null, brokerTimestamp,
                Map.of(), false, tag, DELIVERED);
    }

    private static RabbitMessage sized(long tag, byte[] body) {
        return new RabbitMessage("kamea.telemetry", "device.a.telemetries", body, null, null, Map.of(), false, tag,
                DELIVERED);
    }
}
