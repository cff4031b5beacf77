package io.kamea.ingestion.rejected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.broker.BrokerSettings;
import io.kamea.broker.BrokerUnavailableException;
import io.kamea.broker.RabbitManagementApi;
import io.kamea.broker.RabbitManagementApi.GetMessages;
import io.kamea.broker.RabbitManagementApi.GotMessage;
import io.kamea.broker.RabbitManagementApi.QueueDepth;
import io.kamea.ingestion.IngestionStatistics;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RejectedStoresTest {

    private static final Instant SINCE = Instant.parse("2026-12-03T08:00:00Z");
    private static final Map<String, Object> POLICY = Map.of("max-length", new BigDecimal(100_000),
            "max-length-bytes", new BigDecimal(104_857_600), "overflow", "drop-head");

    private final RejectedStores stores = new RejectedStores();
    private final RabbitManagementApi api = mock(RabbitManagementApi.class);
    private final IngestionStatistics statistics = mock(IngestionStatistics.class);

    @BeforeEach
    void wire() {
        stores.api = api;
        stores.settings = mock(BrokerSettings.class);
        stores.statistics = statistics;
        when(stores.settings.vhost()).thenReturn("kamea");
        when(statistics.since()).thenReturn(SINCE);
        when(statistics.rejectedByStream()).thenReturn(Map.of("telemetry", Map.of("too-large", 3L)));
    }

    @Test
    void theDeadLetterStoreShowsItsDepthBoundsOldestMessageAndWhatIngestionCounted() {
        when(api.queueDepth("kamea", "kamea.dead-letter", QueueDepth.COLUMNS))
                .thenReturn(new QueueDepth("kamea.dead-letter", 4L, 5_000L, "kamea-rejected-bounds", POLICY));
        when(api.getMessages(eq("kamea"), eq("kamea.dead-letter"), any())).thenReturn(List.of(new GotMessage(
                200, false, "kamea.dead-letter", "device.a.configs.reported", 3, Map.of("headers", Map.of(
                        "x-kamea-reason", "invalid-configuration: ...", "x-kamea-failed-at", "2026-12-03T09:00:00Z")))));

        RejectedStoreState state = stores.state(RejectedStore.DEAD_LETTER);

        assertEquals(4L, state.messages());
        assertEquals(5_000L, state.bytes());
        assertEquals(new RejectedStoreState.Bounds("kamea-rejected-bounds", 100_000L, 104_857_600L, "drop-head"),
                state.bounds());
        assertEquals(new OldestMessage(Instant.parse("2026-12-03T09:00:00Z"), "invalid-configuration: ...",
                "device.a.configs.reported", 200), state.oldest());
        assertEquals(new RejectedStoreState.IngestionCounts(SINCE, Map.of("telemetry", Map.of("too-large", 3L))),
                state.countedByIngestion());
        verify(api).getMessages("kamea", "kamea.dead-letter", GetMessages.peekHead());
    }

    @Test
    void anEmptyUnboundedUnroutableStoreHasNoOldestNoBoundsAndNothingKameaCounted() {
        when(api.queueDepth("kamea", "kamea.unroutable", QueueDepth.COLUMNS))
                .thenReturn(new QueueDepth("kamea.unroutable", 0L, 0L, "", Map.of()));
        when(api.getMessages(eq("kamea"), eq("kamea.unroutable"), any())).thenReturn(List.of());

        RejectedStoreState state = stores.state(RejectedStore.UNROUTABLE);

        assertEquals(0L, state.messages());
        assertNull(state.oldest());
        assertNull(state.bounds(), "no policy: the queue is unbounded and the view must say so");
        assertEquals(Map.of(), state.countedByIngestion().byStream());
    }

    @Test
    void thePeekLeavesThePayloadBehindAndPutsTheMessageBack() {
        GetMessages peek = GetMessages.peekHead();

        assertEquals(1, peek.count());
        assertEquals("ack_requeue_true", peek.ackmode());
        assertEquals(0, peek.truncate());
    }

    @Test
    void aMissingQueueOrAnAbsentBrokerIsUnavailableNamingTheQueue() {
        Response notFound = mock(Response.class);
        when(notFound.getStatus()).thenReturn(404);
        when(notFound.getStatusInfo()).thenReturn(Response.Status.NOT_FOUND);
        WebApplicationException noSuchQueue = new WebApplicationException(notFound);
        when(api.queueDepth(any(), eq("kamea.dead-letter"), any())).thenThrow(noSuchQueue);
        BrokerUnavailableException missing = assertThrows(BrokerUnavailableException.class,
                () -> stores.state(RejectedStore.DEAD_LETTER));
        assertEquals(503, missing.status());
        assertTrue(missing.getMessage().contains("no queue kamea.dead-letter in vhost kamea"), missing.getMessage());

        doThrow(new ProcessingException(new ConnectException("Connection refused")))
                .when(api).purgeQueue("kamea", "kamea.unroutable");
        BrokerUnavailableException away = assertThrows(BrokerUnavailableException.class,
                () -> stores.purge(RejectedStore.UNROUTABLE));
        assertEquals("Cannot reach the broker to purge the queue kamea.unroutable", away.getMessage());
    }

    @Test
    void aPurgeEmptiesTheStoresOwnQueue() {
        stores.purge(RejectedStore.DEAD_LETTER);

        verify(api).purgeQueue("kamea", "kamea.dead-letter");
    }
}
