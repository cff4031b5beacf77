package io.kamea.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: a connection can be had from the pool and PostgreSQL answers on it. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    static final String NAME = "database";
    static final String DATA_SOURCE = "jdbc/kamea";

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    private final BoundedCall bounded = new BoundedCall();

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            bounded.call(executor, this::valid);
            bounded.succeeded();
            return response.up().build();
        } catch (Exception e) {
            return response.down().withData("error", bounded.failed(NAME, e)).build();
        }
    }

    private Boolean valid() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid((int) BoundedCall.LIMIT.toSeconds())) {
                throw new SQLException("the connection is not valid");
            }
            return true;
        }
    }
}
