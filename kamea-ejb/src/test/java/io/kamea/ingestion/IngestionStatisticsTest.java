package io.kamea.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import jakarta.enterprise.event.Event;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestionStatisticsTest {

    private final IngestionStatistics statistics = new IngestionStatistics();

    @SuppressWarnings("unchecked")
    @BeforeEach
    void wire() {
        statistics.ingested = mock(Event.class);
        statistics.deadLettered = mock(Event.class);
    }

    @Test
    void aBatchIsCountedAndAnnouncedOnce() {
        statistics.forwarded("telemetry", 250);
        statistics.forwarded("telemetry", 50);

        assertEquals(Map.of("telemetry.forwarded", 300L), statistics.snapshot());
        verify(statistics.ingested).fire(new MessagesIngested("telemetry", 250));
        verify(statistics.ingested).fire(new MessagesIngested("telemetry", 50));
    }

    @Test
    void anEmptyBatchIsNotAnnounced() {
        statistics.forwarded("telemetry", 0);

        verify(statistics.ingested, never()).fire(any());
    }

    @Test
    void aRejectionIsCountedByReasonAndAnnounced() {
        statistics.rejected("reported-configuration", "invalid-configuration");

        assertEquals(Map.of("reported-configuration.rejected.invalid-configuration", 1L), statistics.snapshot());
        verify(statistics.deadLettered).fire(new MessageDeadLettered("reported-configuration", "invalid-configuration"));
    }

    @Test
    void rejectionsAloneByStreamThenReason() {
        statistics.forwarded("telemetry", 10);
        statistics.rejected("telemetry", "too-large");
        statistics.rejected("telemetry", "too-large");
        statistics.rejected("reported-configuration", "invalid-configuration");

        assertEquals(Map.of("telemetry", Map.of("too-large", 2L),
                "reported-configuration", Map.of("invalid-configuration", 1L)), statistics.rejectedByStream());
    }
}
