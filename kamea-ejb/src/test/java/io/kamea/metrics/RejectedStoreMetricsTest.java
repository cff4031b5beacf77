package io.kamea.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.ingestion.rejected.RejectedDepths;
import io.kamea.ingestion.rejected.RejectedDepths.Depth;
import io.kamea.ingestion.rejected.RejectedStore;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

class RejectedStoreMetricsTest {

    private final RejectedStoreMetrics metrics = new RejectedStoreMetrics();
    private final MetricRegistry registry = mock(MetricRegistry.class);
    private final RejectedDepths depths = mock(RejectedDepths.class);

    @Test
    @SuppressWarnings("unchecked")
    void bothQueuesHaveAMessagesAndABytesGaugeNaNUntilTheBrokerFirstAnswered() {
        metrics.registry = registry;
        metrics.depths = depths;
        Map<String, Function<RejectedDepths, Double>> gauges = new HashMap<>();
        when(registry.gauge(any(Metadata.class), eq(depths), any(Function.class), any(Tag.class))).thenAnswer(call -> {
            gauges.put(call.<Metadata>getArgument(0).getName() + " " + call.<Tag>getArgument(3).getTagValue(),
                    call.getArgument(2));
            return null;
        });

        metrics.register(new Object());

        assertEquals(4, gauges.size(), gauges.keySet().toString());
        assertEquals(Double.NaN, gauges.get("kamea.rejected.messages kamea.dead-letter").apply(depths));
        when(depths.depth(RejectedStore.DEAD_LETTER)).thenReturn(new Depth(12, 3_400));
        when(depths.depth(RejectedStore.UNROUTABLE)).thenReturn(new Depth(1, 20));
        assertEquals(12.0, gauges.get("kamea.rejected.messages kamea.dead-letter").apply(depths));
        assertEquals(3_400.0, gauges.get("kamea.rejected.bytes kamea.dead-letter").apply(depths));
        assertEquals(1.0, gauges.get("kamea.rejected.messages kamea.unroutable").apply(depths));
        assertEquals(20.0, gauges.get("kamea.rejected.bytes kamea.unroutable").apply(depths));
        verify(registry).gauge(eq(RejectedStoreMetrics.BYTES), eq(depths), any(Function.class),
                eq(new Tag("queue", "kamea.unroutable")));
    }
}
