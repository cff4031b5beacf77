package io.kamea.web.broker;

import io.kamea.access.Role;
import io.kamea.broker.MqttSessionSettings;
import io.kamea.web.ApiTags;
import io.kamea.web.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/broker}: the MQTT URL devices connect to, shown by the UI next to a new
 * device's credentials. {@code DEVICE_MQTT_URL} when the devices reach the broker by another
 * address than the API does, else the API's own {@code MGMT_MQTT_INGESTION_URL}.
 */
@ApplicationScoped
@RolesAllowed(Role.VIEWER_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("broker")
@Produces(MediaType.APPLICATION_JSON)
public class BrokerResource {

    public record BrokerView(String mqttUrl) {
    }

    @Inject
    MqttSessionSettings settings;

    @GET
    @Tag(ref = ApiTags.DEVICES)
    @Operation(operationId = "getBroker",
            summary = "Where devices connect",
            description = "The MQTT URL devices use (DEVICE_MQTT_URL, else MGMT_MQTT_INGESTION_URL).")
    // Payara drops the class's responses for a method with a single one of its own: repeated here.
    @APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "200", description = "The broker's MQTT URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    public BrokerView get() {
        return new BrokerView(settings.deviceUrl());
    }
}
