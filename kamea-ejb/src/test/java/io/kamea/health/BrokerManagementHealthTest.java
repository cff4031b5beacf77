package io.kamea.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kamea.broker.BrokerSettings;
import io.kamea.broker.RabbitManagementApi;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.URI;
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
    private final BrokerSettings settings = mock(BrokerSettings.class);
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeAll
    static void responses() {
        PlainResponses.install();
    }

    @BeforeEach
    void wire() {
        check.api = api;
        check.settings = settings;
        check.executor = executor;
        when(settings.managementUrl()).thenReturn(URI.create("https://localhost:15671/api"));
        when(settings.login()).thenReturn("kamea-admin");
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
        assertEquals("https://localhost:15671/api", response.getData().orElseThrow().get("url"));
    }

    @Test
    void downWithTheCauseWhenTheBrokerCannotBeReached() {
        when(api.whoami()).thenThrow(new ProcessingException(new ConnectException("Connection refused")));

        HealthCheckResponse response = check.call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("ConnectException: Connection refused", response.getData().orElseThrow().get("error"));
    }
}
