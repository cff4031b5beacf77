package io.kamea.ingestion.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.InvalidPropertyException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RabbitActivationSpecTest {

    private static RabbitActivationSpec spec(Consumer<RabbitActivationSpec> change) {
        RabbitActivationSpec spec = new RabbitActivationSpec();
        spec.setQueue("kamea.telemetry");
        change.accept(spec);
        return spec;
    }

    private static String refused(Consumer<RabbitActivationSpec> change, String property) {
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, () -> spec(change).validate());
        assertEquals(property, e.getInvalidPropertyDescriptors()[0].getName());
        return e.getMessage();
    }

    @Test
    void defaults() {
        RabbitActivationSpec spec = spec(s -> { });
        assertDoesNotThrow(spec::validate);
        assertEquals(500, spec.getPrefetch());
        assertEquals(2, spec.getConcurrency());
        assertEquals(200, spec.getMaxBatchSize());
        assertEquals(0, spec.getBatchLingerMillis());
        assertEquals(5, spec.getMaxAttempts());
        assertEquals("kamea.dead-letter", spec.getDeadLetterExchange());
    }

    @Test
    void queueIsRequired() {
        assertTrue(refused(s -> s.setQueue(null), "queue").contains("queue is required"));
        refused(s -> s.setQueue("  "), "queue");
    }

    @Test
    void numbersOutOfRangeAreRefused() {
        assertTrue(refused(s -> s.setPrefetch(0), "prefetch").contains("between 1 and 65535, not 0"));
        refused(s -> s.setPrefetch(65_536), "prefetch");
        refused(s -> s.setConcurrency(0), "concurrency");
        refused(s -> s.setConcurrency(65), "concurrency");
        refused(s -> s.setMaxBatchSize(0), "maxBatchSize");
        assertTrue(refused(s -> {
            s.setPrefetch(100);
            s.setMaxBatchSize(101);
        }, "maxBatchSize").contains("between 1 and 100"));
        refused(s -> s.setBatchLingerMillis(-1), "batchLingerMillis");
        refused(s -> s.setBatchLingerMillis(1_001), "batchLingerMillis");
        refused(s -> s.setMaxAttempts(0), "maxAttempts");
        refused(s -> s.setMaxAttempts(null), "maxAttempts");
        refused(s -> s.setDeadLetterExchange(""), "deadLetterExchange");
    }

    @Test
    void edgesAreAccepted() {
        assertDoesNotThrow(() -> spec(s -> {
            s.setPrefetch(1);
            s.setMaxBatchSize(1);
            s.setConcurrency(64);
            s.setBatchLingerMillis(1_000);
            s.setMaxAttempts(1);
        }).validate());
    }

    @Test
    void configurationNamedAfterTheQueueOverridesTheBean() throws Exception {
        RabbitActivationSpec spec = spec(s -> s.setQueue("kamea.telemetry"));
        var config = java.util.Map.of("KAMEA_TELEMETRY_CONCURRENCY", "4", "KAMEA_TELEMETRY_MAX_BATCH_SIZE", " 50 ",
                "KAMEA_TELEMETRY_BATCH_LINGER_MILLIS", "3");
        spec.applyOverrides(config::get);
        assertEquals(4, spec.getConcurrency());
        assertEquals(50, spec.getMaxBatchSize());
        assertEquals(3, spec.getBatchLingerMillis());
        assertEquals(RabbitActivationSpec.DEFAULT_PREFETCH, spec.getPrefetch());

        RabbitActivationSpec broken = spec(s -> s.setQueue("kamea.telemetry"));
        assertThrows(jakarta.resource.spi.InvalidPropertyException.class,
                () -> broken.applyOverrides(java.util.Map.of("KAMEA_TELEMETRY_PREFETCH", "lots")::get));
    }

    @Test
    void theKeyOfAPropertyIsNamedAfterTheQueueAndThePropertysWords() {
        assertEquals("KAMEA_TELEMETRY_MAX_BATCH_SIZE", RabbitActivationSpec.overrideKey("kamea.telemetry", "maxBatchSize"));
        assertEquals("KAMEA_REPORTED_CONFIGURATIONS_PREFETCH",
                RabbitActivationSpec.overrideKey("kamea.reported-configurations", "prefetch"));
    }

    @Test
    void anOverrideOutOfRangeIsRefusedNamingItsKey() throws Exception {
        RabbitActivationSpec spec = spec(s -> s.setQueue("kamea.telemetry"));
        spec.applyOverrides(java.util.Map.of("KAMEA_TELEMETRY_CONCURRENCY", "0")::get);
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertEquals("concurrency", e.getInvalidPropertyDescriptors()[0].getName());
        assertTrue(e.getMessage().contains("Invalid setting KAMEA_TELEMETRY_CONCURRENCY: concurrency must be between 1 and 64, not 0"),
                e.getMessage());

        InvalidPropertyException notANumber = assertThrows(InvalidPropertyException.class, () -> spec(s -> { })
                .applyOverrides(java.util.Map.of("KAMEA_TELEMETRY_MAX_ATTEMPTS", "5.5")::get));
        assertTrue(notANumber.getMessage().contains("Invalid setting KAMEA_TELEMETRY_MAX_ATTEMPTS"), notANumber.getMessage());
    }
}
