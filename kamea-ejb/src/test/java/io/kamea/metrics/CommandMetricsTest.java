package io.kamea.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.command.CommandResponseRejected;
import io.kamea.command.ResponseOutcome;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandMetricsTest {

    private final CommandMetrics metrics = new CommandMetrics();
    private final MetricRegistry registry = mock(MetricRegistry.class);
    private final Map<String, Counter> counters = new HashMap<>();

    @BeforeEach
    void wire() {
        metrics.registry = registry;
        when(registry.counter(any(Metadata.class), any(Tag[].class))).thenAnswer(invocation -> {
            Metadata metadata = invocation.getArgument(0);
            Tag tag = invocation.getArgument(1);
            return counters.computeIfAbsent(metadata.getName() + "{" + tag.getTagValue() + "}", k -> mock(Counter.class));
        });
    }

    @Test
    void everyRejectionReasonHasItsSeriesFromTheStartAtZero() {
        metrics.register(new Object());

        for (ResponseOutcome reason : ResponseOutcome.rejections()) {
            verify(registry).counter(eq(CommandMetrics.REJECTED), eq(new Tag("reason", reason.reason())));
        }
        assertEquals(2 + ResponseOutcome.rejections().size(), counters.size());
        assertTrue(CommandMetrics.REJECTED.getDescription().contains("nul-byte, unknown-device"));
        counters.values().forEach(counter -> verify(counter, never()).inc());
    }

    @Test
    void aRejectedResponseCountsUnderItsReasonAndTheCounterIsLookedUpOnce() {
        metrics.onRejected(new CommandResponseRejected(ResponseOutcome.NUL_BYTE));
        metrics.onRejected(new CommandResponseRejected(ResponseOutcome.NUL_BYTE));
        metrics.onRejected(new CommandResponseRejected(ResponseOutcome.FOREIGN_COMMAND));

        verify(counters.get("kamea.commands.responses.rejected{nul-byte}"), times(2)).inc();
        verify(counters.get("kamea.commands.responses.rejected{foreign-command}")).inc();
        verify(registry, times(1)).counter(eq(CommandMetrics.REJECTED), eq(new Tag("reason", "nul-byte")));
    }
}
