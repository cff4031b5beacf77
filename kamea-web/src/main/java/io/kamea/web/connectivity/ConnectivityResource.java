package io.kamea.web.connectivity;

import io.kamea.access.Role;
import io.kamea.connectivity.ConnectivityService;
import io.kamea.platform.InvalidRequestException;
import io.kamea.provisioning.ProvisioningService;
import io.kamea.web.ApiTags;
import io.kamea.web.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/devices/{id}/connectivity}: connected or not, since when, recent transitions. */
@RequestScoped
@RolesAllowed(Role.VIEWER_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("devices/{id}/connectivity")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectivityResource {

    static final int MAX_HISTORY = 100;

    @Inject
    ProvisioningService provisioning;

    @Inject
    ConnectivityService connectivity;

    @GET
    @Tag(ref = ApiTags.CONNECTIVITY)
    @Operation(operationId = "getConnectivity",
            summary = "Whether a device is connected",
            description = "Since when, when it was last seen connected, and its latest transitions, newest first.")
    @APIResponse(responseCode = "200", description = "The device's connectivity",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConnectivityView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public ConnectivityView get(@Parameter(description = "The device's id", required = true) @PathParam("id") String id,
                                @Parameter(description = "How many transitions, 0 to 100")
                                @QueryParam("history") @DefaultValue("20") int history) {
        if (history < 0 || history > MAX_HISTORY) {
            throw new InvalidRequestException("history must be between 0 and " + MAX_HISTORY);
        }
        String deviceId = provisioning.find(id).getId();
        return ConnectivityView.of(connectivity.state(deviceId, history));
    }
}
