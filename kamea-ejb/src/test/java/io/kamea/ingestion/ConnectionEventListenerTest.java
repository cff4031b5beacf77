package io.kamea.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.kamea.connectivity.ConnectionEvent;
import io.kamea.connectivity.ConnectivityEvents;
import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.TransientFailureException;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionEventListenerTest {

    private final ConnectionEventListener listener = new ConnectionEventListener();
    private final ConnectivityEvents connectivity = mock(ConnectivityEvents.class);

    private static RabbitMessage message(String key, Map<String, Object> headers) {
        return new RabbitMessage("kamea.connection-events", key, new byte[0], null, Instant.EPOCH, headers, false, 1, Instant.EPOCH.plusSeconds(1));
    }

    @Test
    void connectionEventsAreAppliedInOrderAndOthersSkipped() {
        listener.connectivity = connectivity;
        var rejected = listener.onMessages(List.of(
                message("connection.created", Map.of("name", "c1", "user", "u", "vhost", "kamea", "timestamp_in_ms", 1L)),
                message("channel.created", Map.of("name", "c1 (1)")),
                message("connection.closed", Map.of("name", "c1", "timestamp_in_ms", 2L))));
        assertEquals(List.of(), rejected);
        verify(connectivity).apply(List.of(
                new ConnectionEvent(ConnectionEvent.Kind.CREATED, "c1", "u", "kamea", Instant.ofEpochMilli(1)),
                new ConnectionEvent(ConnectionEvent.Kind.CLOSED, "c1", null, null, Instant.ofEpochMilli(2))));
    }

    @Test
    void aDatabaseOutageIsTransient() {
        listener.connectivity = connectivity;
        doThrow(new PersistenceException("down")).when(connectivity).apply(any());
        assertThrows(TransientFailureException.class,
                () -> listener.onMessages(List.of(message("connection.closed", Map.of("name", "c1")))));
    }
}
