package io.kamea.ingestion.rejected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RejectedStoreTest {

    @Test
    void storesAreNamedInTheApiByTheirQueuesShortName() {
        assertEquals("kamea.dead-letter", RejectedStore.byId("dead-letter").queue());
        assertEquals("kamea.unroutable", RejectedStore.byId("unroutable").queue());
    }

    @Test
    void anyOtherNameIsNotFoundAndTheAnswerListsTheStores() {
        RejectedStoreNotFoundException missing = assertThrows(RejectedStoreNotFoundException.class,
                () -> RejectedStore.byId("kamea.telemetry"));

        assertEquals(404, missing.status());
        assertEquals("No store named kamea.telemetry; there are dead-letter and unroutable", missing.getMessage());
    }
}
