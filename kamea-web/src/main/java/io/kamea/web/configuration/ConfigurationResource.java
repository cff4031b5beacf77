package io.kamea.web.configuration;

import io.kamea.access.Role;
import io.kamea.configuration.DesiredConfigurationService;
import io.kamea.configuration.ReportedConfigurationStore;
import io.kamea.platform.InvalidRequestException;
import io.kamea.provisioning.Device;
import io.kamea.provisioning.ProvisioningService;
import io.kamea.web.ApiTags;
import io.kamea.web.ProblemResponses;
import io.kamea.web.limits.BodyLimit;
import io.kamea.web.limits.Limit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/devices/{id}/configurations}: the desired configuration operators set, the one the
 * device reported, and where each key stands between the two.
 */
@RequestScoped
@RolesAllowed(Role.VIEWER_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("devices/{id}/configurations")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigurationResource {

    @Inject
    ProvisioningService provisioning;

    @Inject
    ReportedConfigurationStore reported;

    @Inject
    DesiredConfigurationService desired;

    @GET
    @Tag(ref = ApiTags.CONFIGURATIONS)
    @Operation(operationId = "getConfigurations",
            summary = "Desired and reported configurations side by side",
            description = "With, per key: in-sync, pending (not reported since it was set) or drifted.")
    @APIResponse(responseCode = "200", description = "Both configurations and the state of each key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConfigurationsView")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public ConfigurationsView all(@Parameter(description = "The device's id", required = true)
                                  @PathParam("id") String id) {
        String deviceId = provisioning.find(id).getId();
        var want = desired.current(deviceId).orElse(null);
        var have = reported.current(deviceId).orElse(null);
        return ConfigurationsView.of(deviceId, want, have);
    }

    /** Replaces the whole desired configuration: a key left out is removed. */
    @RolesAllowed(Role.OPERATOR_NAME)
    @PUT
    @Path("desired")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(Limit.CONFIGURATION)
    @Tag(ref = ApiTags.CONFIGURATIONS)
    @Operation(operationId = "replaceDesiredConfiguration",
            summary = "Replace the desired configuration",
            description = "The whole set of keys (a key left out is removed). Stored with the next version and "
                    + "published to the device, QoS 1 and retained, on device/<if>/configs/desired.")
    @RequestBody(ref = "DesiredConfiguration")
    @APIResponse(responseCode = "200", description = "Stored and published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "DesiredConfigurationView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = ProblemResponses.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public DesiredConfigurationView replaceDesired(@Parameter(description = "The device's id", required = true)
                                                   @PathParam("id") String id,
                                                   String body) {
        Device device = provisioning.find(id);
        JsonObject document = Documents.parseObject(body)
                .orElseThrow(() -> new InvalidRequestException(
                        "The desired configuration must be a JSON object (the whole set of keys)"));
        return DesiredConfigurationView.of(device.getId(), desired.replace(device, document));
    }

    @GET
    @Path("desired")
    @Tag(ref = ApiTags.CONFIGURATIONS)
    @Operation(operationId = "getDesiredConfiguration",
            summary = "The desired configuration", description = "Version 0 and no document if none was set.")
    @APIResponse(responseCode = "200", description = "The desired configuration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "DesiredConfigurationView")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public DesiredConfigurationView desired(@Parameter(description = "The device's id", required = true)
                                            @PathParam("id") String id) {
        String deviceId = provisioning.find(id).getId();
        return DesiredConfigurationView.of(deviceId, desired.current(deviceId).orElse(null));
    }

    @GET
    @Path("reported")
    @Tag(ref = ApiTags.CONFIGURATIONS)
    @Operation(operationId = "getReportedConfiguration",
            summary = "The configuration the device last reported",
            description = "Version = how many reports; 0 and no document if it never reported.")
    @APIResponse(responseCode = "200", description = "The reported configuration",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ReportedConfigurationView")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public ReportedConfigurationView reported(@Parameter(description = "The device's id", required = true)
                                              @PathParam("id") String id) {
        String deviceId = provisioning.find(id).getId();
        return ReportedConfigurationView.of(deviceId, reported.current(deviceId).orElse(null));
    }
}
