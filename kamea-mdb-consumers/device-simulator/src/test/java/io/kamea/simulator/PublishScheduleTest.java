package io.kamea.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PublishScheduleTest {

    private static final long START = 5_000_000_000L;

    @Test
    void dueNothingBeforeTheStartAndTheFirstMessageAtIt() {
        PublishSchedule schedule = new PublishSchedule(1_000, START);
        assertEquals(0, schedule.dueBy(START - 1));
        assertEquals(1, schedule.dueBy(START));
    }

    @Test
    void dueMessageIAtStartPlusIOverRate() {
        PublishSchedule schedule = new PublishSchedule(1_000, START); // one per ms
        assertEquals(1, schedule.dueBy(START + 999_999));
        assertEquals(2, schedule.dueBy(START + 1_000_000));
        assertEquals(1_001, schedule.dueBy(START + 1_000_000_000L));
    }

    @Test
    void aSenderThatFellBehindOwesEverythingDueSinceTheStart() {
        PublishSchedule schedule = new PublishSchedule(600, START);
        assertEquals(6_001, schedule.dueBy(START + 10_000_000_000L));
    }

    @Test
    void refusesARateOfZero() {
        assertThrows(IllegalArgumentException.class, () -> new PublishSchedule(0, START));
    }
}
