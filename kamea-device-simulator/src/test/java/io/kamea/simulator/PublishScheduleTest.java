package io.kamea.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PublishScheduleTest {

    private static final long START = 5_000_000_000L;

    @Test
    void dueNothingBeforeTheStartAndTheFirstMessageAtIt() {
        PublishSchedule schedule = new PublishSchedule(1_000, START, 0);
        assertEquals(0, schedule.dueBy(START - 1));
        assertEquals(1, schedule.dueBy(START));
    }

    @Test
    void dueMessageIAtStartPlusIOverRate() {
        PublishSchedule schedule = new PublishSchedule(1_000, START, 0); // one per ms
        assertEquals(1, schedule.dueBy(START + 999_999));
        assertEquals(2, schedule.dueBy(START + 1_000_000));
        assertEquals(1_001, schedule.dueBy(START + 1_000_000_000L));
    }

    @Test
    void aSenderThatFellBehindOwesEverythingDueSinceTheStart() {
        PublishSchedule schedule = new PublishSchedule(600, START, 0);
        assertEquals(6_001, schedule.dueBy(START + 10_000_000_000L));
    }

    @Test
    void aRampRisesLinearlyToTheRateThenEveryMessageIsDueHalfTheRampLater() {
        long ramp = 10_000_000_000L;
        PublishSchedule schedule = new PublishSchedule(1_000, START, ramp);
        assertEquals(1, schedule.dueBy(START));
        assertEquals(1_251, schedule.dueBy(START + ramp / 2), "a quarter of the ramp's 5,000 messages in its first half");
        assertEquals(5_001, schedule.dueBy(START + ramp), "rate * ramp / 2 by the end of the ramp");
        assertEquals(6_001, schedule.dueBy(START + ramp + 1_000_000_000L), "then the full rate");
    }

    @Test
    void dueAtAndDueByAgreeThroughTheRamp() {
        PublishSchedule schedule = new PublishSchedule(700, START, 3_000_000_000L);
        for (long i = 0; i < 5_000; i += 7) {
            long due = schedule.dueAt(i);
            assertTrue(schedule.dueBy(due + 1) >= i + 1, "message " + i + " is due at its own due time");
            assertTrue(schedule.dueBy(due - 2) <= i, "message " + i + " is not due before it");
            assertTrue(i == 0 || schedule.dueAt(i - 1) <= due, "due times never go back");
        }
    }

    @Test
    void refusesANegativeRamp() {
        assertThrows(IllegalArgumentException.class, () -> new PublishSchedule(1, START, -1));
    }

    @Test
    void refusesARateOfZero() {
        assertThrows(IllegalArgumentException.class, () -> new PublishSchedule(0, START, 0));
    }
}
