package io.kamea.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseHealthTest {

    private final DatabaseHealth check = new DatabaseHealth();
    private final DataSource dataSource = mock(DataSource.class);
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeAll
    static void responses() {
        PlainResponses.install();
    }

    @BeforeEach
    void wire() {
        check.dataSource = dataSource;
        check.executor = executor;
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void upWithoutTheDatabaseUrlWhenAValidConnectionIsHad() throws Exception {
        Connection connection = mock(Connection.class);
        when(dataSource.getConnection()).thenReturn(connection);
        when(connection.isValid(2)).thenReturn(true);

        HealthCheckResponse response = check.call();

        assertEquals("database", response.getName());
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertTrue(response.getData().orElse(Map.of()).isEmpty(), "no URL for anonymous callers: " + response.getData());
        verify(connection).close();
    }

    @Test
    void downWithTheCauseWhenNoConnectionCanBeHad() throws Exception {
        when(dataSource.getConnection()).thenThrow(
                new SQLException("Connection could not be allocated", new ConnectException("Connection refused")));

        HealthCheckResponse response = check.call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(Map.of("error", "ConnectException"), response.getData().orElseThrow());
    }

    @Test
    void downWhenTheConnectionIsNotValid() throws Exception {
        Connection connection = mock(Connection.class);
        when(dataSource.getConnection()).thenReturn(connection);
        when(connection.isValid(2)).thenReturn(false);

        HealthCheckResponse response = check.call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("SQLException", response.getData().orElseThrow().get("error"));
    }
}
