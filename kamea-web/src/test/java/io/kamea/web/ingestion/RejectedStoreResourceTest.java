package io.kamea.web.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.ingestion.rejected.OldestMessage;
import io.kamea.ingestion.rejected.RejectedStore;
import io.kamea.ingestion.rejected.RejectedStoreNotFoundException;
import io.kamea.ingestion.rejected.RejectedStoreState;
import io.kamea.ingestion.rejected.RejectedStores;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape operators and their scripts read (docs/api.md). */
class RejectedStoreResourceTest {

    private static final Instant SINCE = Instant.parse("2026-12-03T08:00:00Z");

    private final RejectedStoreResource resource = new RejectedStoreResource();
    private final RejectedStores stores = mock(RejectedStores.class);

    RejectedStoreResourceTest() {
        resource.stores = stores;
        when(stores.state(RejectedStore.DEAD_LETTER)).thenReturn(new RejectedStoreState(RejectedStore.DEAD_LETTER,
                2L, 40L, new RejectedStoreState.Bounds("kamea-rejected-bounds", 100_000L, 104_857_600L, "drop-head"),
                new OldestMessage(Instant.parse("2026-12-03T09:00:00.5Z"), "invalid-configuration: not JSON",
                        "device.a.configs.reported", 12),
                new RejectedStoreState.IngestionCounts(SINCE, Map.of("reported-configuration",
                        Map.of("invalid-configuration", 2L)))));
        when(stores.state(RejectedStore.UNROUTABLE)).thenReturn(new RejectedStoreState(RejectedStore.UNROUTABLE,
                0L, 0L, null, null, new RejectedStoreState.IngestionCounts(SINCE, Map.of())));
    }

    @Test
    void bothStoresDeadLetterFirstAsJson() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals("{\"stores\":["
                    + "{\"bounds\":{\"maxBytes\":104857600,\"maxLength\":100000,\"overflow\":\"drop-head\","
                    + "\"policy\":\"kamea-rejected-bounds\"},\"bytes\":40,"
                    + "\"countedByIngestion\":{\"byStream\":{\"reported-configuration\":{\"invalid-configuration\":2}},"
                    + "\"since\":\"2026-12-03T08:00:00Z\"},\"messages\":2,"
                    + "\"oldest\":{\"at\":\"2026-12-03T09:00:00.500Z\",\"payloadBytes\":12,"
                    + "\"reason\":\"invalid-configuration: not JSON\",\"routingKey\":\"device.a.configs.reported\"},"
                    + "\"queue\":\"kamea.dead-letter\",\"store\":\"dead-letter\"},"
                    + "{\"bytes\":0,\"countedByIngestion\":{\"byStream\":{},\"since\":\"2026-12-03T08:00:00Z\"},"
                    + "\"messages\":0,\"queue\":\"kamea.unroutable\",\"store\":\"unroutable\"}]}",
                    jsonb.toJson(resource.list()));
        }
    }

    @Test
    void oneStoreByItsName() {
        assertEquals("kamea.unroutable", resource.get("unroutable").queue());
    }

    @Test
    void anUnknownStoreIsNotFoundAndNothingIsPurged() {
        assertThrows(RejectedStoreNotFoundException.class, () -> resource.get("kamea.dead-letter"));
        assertThrows(RejectedStoreNotFoundException.class, () -> resource.purge("everything"));
        verify(stores, never()).purge(org.mockito.ArgumentMatchers.any());
    }
}
