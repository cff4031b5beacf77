package io.kamea.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogBudgetTest {

    private Instant now = Instant.parse("2030-01-01T00:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void linesPastTheBudgetAreLeftOutAndCountedInTheNextPeriodsFirstLine() {
        LogBudget budget = new LogBudget(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            var allowance = budget.take();
            assertTrue(allowance.write());
            assertEquals("", allowance.note());
        }
        for (int i = 0; i < 1_000; i++) {
            assertFalse(budget.take().write(), "past the budget");
        }
        now = now.plusSeconds(59);
        assertFalse(budget.take().write(), "still the same minute");

        now = now.plusSeconds(1);
        var next = budget.take();
        assertTrue(next.write());
        assertEquals(1_001, next.leftOut());
        assertTrue(next.note().contains("1001 similar line(s) left out"), next.note());
        assertEquals(0, budget.take().leftOut(), "counted once");
    }
}
