package io.kamea.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kamea.broker.RabbitManagementApi;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrokerManagementHealthTest {

    private final BrokerManagementHealth check = new BrokerManagementHealth();
    private final RabbitManagementApi api = mock(RabbitManagementApi.class);
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeAll
    static void responses() {
        PlainResponses.install();
    }

    @BeforeEach
    void wire() {
        check.api = api;
        check.executor = executor;
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void upWhenTheManagementApiAnswers() {
        when(api.whoami()).thenReturn(Map.of("name", "kamea-admin"));

        HealthCheckResponse response = check.call();

        assertEquals("broker-management", response.getName());
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertTrue(response.getData().orElse(Map.of()).isEmpty(), "no URL nor user for anonymous callers: " + response.getData());
    }

    @Test
    void downWithTheCausesTypeOnlyWhenTheBrokerCannotBeReached() {
        when(api.whoami()).thenThrow(new ProcessingException(new ConnectException("Connection refused")));

        HealthCheckResponse response = check.call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(Map.of("error", "ConnectException"), response.getData().orElseThrow());
    }
}
