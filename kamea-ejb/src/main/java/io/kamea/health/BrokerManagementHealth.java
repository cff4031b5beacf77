package io.kamea.health;

import io.kamea.broker.RabbitManagementApi;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: RabbitMQ's management API answers Kamea's administrator (provisioning and the
 * connectivity poll need it). {@code GET whoami} is its cheapest authenticated call.
 */
@Readiness
@ApplicationScoped
public class BrokerManagementHealth implements HealthCheck {

    static final String NAME = "broker-management";

    @Inject
    RabbitManagementApi api;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    private final BoundedCall bounded = new BoundedCall();

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            bounded.call(executor, api::whoami);
            bounded.succeeded();
            return response.up().build();
        } catch (Exception e) {
            return response.down().withData("error", bounded.failed(NAME, e)).build();
        }
    }
}
