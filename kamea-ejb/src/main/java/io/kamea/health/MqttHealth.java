package io.kamea.health;

import io.kamea.broker.MqttGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the API can talk to devices only while its MQTT session is up (when enabled). The
 * session's state is known without a network call, so this check needs no time bound.
 */
@Readiness
@ApplicationScoped
public class MqttHealth implements HealthCheck {

    static final String NAME = "mqtt";

    @Inject
    MqttGateway gateway;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .status(!gateway.enabled() || gateway.connected())
                .build();
    }
}
