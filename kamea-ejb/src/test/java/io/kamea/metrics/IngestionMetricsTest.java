package io.kamea.metrics;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.ingestion.MessageDeadLettered;
import io.kamea.ingestion.MessagesIngested;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestionMetricsTest {

    private final IngestionMetrics metrics = new IngestionMetrics();
    private final MetricRegistry registry = mock(MetricRegistry.class);
    private final Counter telemetry = mock(Counter.class);
    private final Counter unknownDevice = mock(Counter.class);

    @BeforeEach
    void wire() {
        metrics.registry = registry;
        when(registry.counter(any(Metadata.class), any(Tag[].class))).thenAnswer(invocation -> {
            Metadata metadata = invocation.getArgument(0);
            return metadata.getName().equals("kamea.ingestion.forwarded") ? telemetry : unknownDevice;
        });
    }

    @Test
    void aBatchIncrementsItsStreamsCounterByItsSizeAndTheCounterIsLookedUpOnce() {
        metrics.onIngested(new MessagesIngested("telemetry", 200));
        metrics.onIngested(new MessagesIngested("telemetry", 7));

        verify(telemetry).inc(200);
        verify(telemetry).inc(7);
        verify(registry, times(1)).counter(eq(IngestionMetrics.FORWARDED), eq(new Tag("stream", "telemetry")));
    }

    @Test
    void deadLettersAreCountedByStreamAndReason() {
        metrics.onDeadLettered(new MessageDeadLettered("telemetry", "unknown-device"));
        metrics.onDeadLettered(new MessageDeadLettered("telemetry", "unknown-device"));

        verify(unknownDevice, times(2)).inc();
        verify(registry, times(1)).counter(eq(IngestionMetrics.DEAD_LETTERED), eq(new Tag("stream", "telemetry")),
                eq(new Tag("reason", "unknown-device")));
    }
}
