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
        when(bus.url()).thenReturn("tcp://127.0.0.1:61616");
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
        assertEquals("tcp://127.0.0.1:61616", response.getData().orElseThrow().get("url"));
    }

    @Test
    void downWithTheReasonWhenTheBusIsUnreachable() {
        doThrow(new BusUnavailableException("The bus does not answer",
                new JMSException("AMQ219007: Cannot connect to server(s)"))).when(bus).verifyConnection();

        HealthCheckResponse response = check.call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("JMSException: AMQ219007: Cannot connect to server(s)",
                response.getData().orElseThrow().get("error"));
        assertEquals("tcp://127.0.0.1:61616", response.getData().orElseThrow().get("url"));
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
            assertEquals("TimeoutException: no answer within 2000 ms", first.getData().orElseThrow().get("error"));

            start = System.nanoTime();
            HealthCheckResponse second = check.call();
            assertEquals(HealthCheckResponse.Status.DOWN, second.getStatus());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 500, "no second wait");
            assertEquals("TimeoutException: the previous check has not finished yet",
                    second.getData().orElseThrow().get("error"));
        } finally {
            release.countDown();
        }
    }
}
