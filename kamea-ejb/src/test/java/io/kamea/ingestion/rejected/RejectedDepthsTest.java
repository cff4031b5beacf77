package io.kamea.ingestion.rejected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.kamea.broker.BrokerUnavailableException;
import io.kamea.broker.RabbitManagementApi.QueueDepth;
import io.kamea.ingestion.rejected.RejectedDepths.Depth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RejectedDepthsTest {

    private final RejectedDepths depths = new RejectedDepths();
    private final RejectedStores stores = mock(RejectedStores.class);
    /** Background refreshes handed to the executor, run when the test says. */
    private final List<Runnable> pending = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-03T10:00:00Z");

    @BeforeEach
    void wire() {
        depths.stores = stores;
        depths.executor = mock(ExecutorService.class);
        doAnswer(invocation -> pending.add(invocation.getArgument(0))).when(depths.executor).execute(any());
        depths.clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        brokerSays(7L, 700L);
    }

    @Test
    void aReadNeverWaitsForTheBrokerTheFirstKnowsNothingYet() {
        assertNull(depths.depth(RejectedStore.DEAD_LETTER));
        assertEquals(1, pending.size(), "one refresh started in the background");

        runPending();
        assertEquals(new Depth(7, 700), depths.depth(RejectedStore.DEAD_LETTER));
        assertEquals(new Depth(7, 700), depths.depth(RejectedStore.UNROUTABLE));
    }

    @Test
    void theBrokerIsAskedAtMostOncePerFiveSecondsHoweverOftenItIsRead() {
        depths.depth(RejectedStore.DEAD_LETTER);
        runPending();
        for (int i = 0; i < 50; i++) {
            depths.depth(RejectedStore.DEAD_LETTER);
            depths.depth(RejectedStore.UNROUTABLE);
        }
        now = now.plus(Duration.ofSeconds(4));
        depths.depth(RejectedStore.DEAD_LETTER);
        assertEquals(0, pending.size());
        verify(stores, times(1)).depth(RejectedStore.DEAD_LETTER);

        now = now.plus(Duration.ofSeconds(1));
        brokerSays(0L, 0L);
        assertEquals(new Depth(7, 700), depths.depth(RejectedStore.DEAD_LETTER), "the old value, at once");
        runPending();
        assertEquals(new Depth(0, 0), depths.depth(RejectedStore.DEAD_LETTER));
    }

    @Test
    void oneRefreshAtATime() {
        depths.depth(RejectedStore.DEAD_LETTER);
        now = now.plus(Duration.ofSeconds(60)); // the first has not finished yet
        depths.depth(RejectedStore.DEAD_LETTER);

        assertEquals(1, pending.size());
    }

    @Test
    void aBrokerThatFailsLeavesTheLastKnownDepthAndIsAskedAgainLater() {
        depths.depth(RejectedStore.DEAD_LETTER);
        runPending();
        doThrow(new BrokerUnavailableException("away", null)).when(stores).depth(any());
        now = now.plus(Duration.ofSeconds(5));
        depths.depth(RejectedStore.DEAD_LETTER);
        runPending();

        assertEquals(new Depth(7, 700), depths.depth(RejectedStore.DEAD_LETTER));
        now = now.plus(Duration.ofSeconds(5));
        depths.depth(RejectedStore.DEAD_LETTER);
        assertEquals(1, pending.size(), "asked again five seconds after the failure");
    }

    @Test
    void aQueueWithoutStatisticsYetIsStillUnknown() {
        doReturn(new QueueDepth("kamea.dead-letter", null, null, null, Map.of())).when(stores).depth(any());
        depths.depth(RejectedStore.DEAD_LETTER);
        runPending();

        assertNull(depths.depth(RejectedStore.DEAD_LETTER));
    }

    private void brokerSays(Long messages, Long bytes) {
        doAnswer(invocation -> new QueueDepth(
                invocation.<RejectedStore>getArgument(0).queue(), messages, bytes, "kamea-rejected-bounds", Map.of()))
                .when(stores).depth(any());
    }

    private void runPending() {
        List<Runnable> now = new ArrayList<>(pending);
        pending.clear();
        now.forEach(Runnable::run);
    }
}
