package io.kamea.health;

import io.kamea.bus.BusPublisher;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: ingestion's connection to the Artemis bus is open, or can be opened, and the broker
 * answers on it. Without the bus, ingested messages wait in RabbitMQ.
 */
@Readiness
@ApplicationScoped
public class BusHealth implements HealthCheck {

    static final String NAME = "bus";

    @Inject
    BusPublisher bus;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    private final BoundedCall bounded = new BoundedCall();

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            bounded.call(executor, () -> {
                bus.verifyConnection();
                return null;
            });
            bounded.succeeded();
            return response.up().build();
        } catch (Exception e) {
            return response.down().withData("error", bounded.failed(NAME, e)).build();
        }
    }
}
