package io.kamea.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kamea.bus.BusPublisher;
import io.kamea.bus.BusUnavailableException;
import jakarta.jms.JMSException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusHealthTest {

    private final BusHealth check = new BusHealth();
    private final BusPublisher bus = mock(BusPublisher.class);
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeAll
    static void responses() {
        PlainResponses.install();
    }

    @BeforeEach
    void wire() {
        check.bus = bus;
        check.executor = executor;
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void upWhenTheBusAnswers() {
        HealthCheckResponse response = check.call();

        assertEquals("bus", response.getName());
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertTrue(response.getData().orElse(Map.of()).isEmpty(), "no URL for anonymous callers: " + response.getData());
    }

    @Test
    void downWithTheCausesTypeOnlyWhenTheBusIsUnreachable() {
        doThrow(new BusUnavailableException("The bus does not answer",
                new JMSException("AMQ219007: Cannot connect to server(s)"))).when(bus).verifyConnection();

        HealthCheckResponse response = check.call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(Map.of("error", "JMSException"), response.getData().orElseThrow());
    }

    @Test
    void aHungBusIsDownWithinTheLimitAndCostsOneThreadOnly() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(invocation -> release.await(30, TimeUnit.SECONDS)).when(bus).verifyConnection();
        try {
            long start = System.nanoTime();
            HealthCheckResponse first = check.call();
            long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(HealthCheckResponse.Status.DOWN, first.getStatus());
            assertTrue(firstMillis < BoundedCall.LIMIT.toMillis() + 1_000, "answered in " + firstMillis + " ms");
            assertEquals("timeout", first.getData().orElseThrow().get("error"));

            start = System.nanoTime();
            HealthCheckResponse second = check.call();
            assertEquals(HealthCheckResponse.Status.DOWN, second.getStatus());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 500, "no second wait");
            assertEquals("timeout", second.getData().orElseThrow().get("error"));
        } finally {
            release.countDown();
        }
    }
}
