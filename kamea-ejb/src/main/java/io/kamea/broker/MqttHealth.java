package io.kamea.broker;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the API can talk to devices only while its MQTT session is up (when enabled). */
@Readiness
@Dependent
public class MqttHealth implements HealthCheck {

    @Inject
    MqttGateway gateway;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mqtt")
                .status(!gateway.enabled() || gateway.connected())
                .withData("enabled", gateway.enabled())
                .withData("connected", gateway.connected())
                .build();
    }
}
