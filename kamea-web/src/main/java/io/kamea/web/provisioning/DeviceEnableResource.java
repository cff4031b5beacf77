package io.kamea.web.provisioning;

import io.kamea.access.Role;
import io.kamea.provisioning.DeviceDisabling;
import io.kamea.web.ApiTags;
import io.kamea.web.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/devices/{id}/enable}: lets a disabled device in again. Its own root resource,
 * as {@link DeviceApprovalResource} explains.
 */
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("devices/{id}/enable")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceEnableResource {

    @Inject
    DeviceDisabling disabling;

    @POST
    @Tag(ref = ApiTags.DEVICES)
    @Operation(operationId = "enableDevice",
            summary = "Enable a disabled device",
            description = "Gives the device its broker permissions back: it connects again with the credentials it "
                    + "had. An enabled device stays as it is. Refused (409) while its common name or its "
                    + "self-signed certificate is banned.")
    @APIResponse(responseCode = "200", description = "The device, enabled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeviceView")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public DeviceView enable(@Parameter(description = "The device's id", required = true) @PathParam("id") String id) {
        return DeviceView.of(disabling.enable(id));
    }
}
