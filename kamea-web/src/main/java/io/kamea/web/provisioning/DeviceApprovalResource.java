package io.kamea.web.provisioning;

import io.kamea.access.Role;
import io.kamea.provisioning.AutoProvisioning;
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
 * {@code POST /api/devices/{id}/approve}: lets an auto-provisioned device that waits for approval
 * publish. Approving a device already active changes nothing. Its own root resource: a sub-path
 * of {@code devices/{id}} declared in {@link DeviceResource} would hide the other root resources
 * under it.
 */
@RequestScoped
@RolesAllowed(Role.OPERATOR_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("devices/{id}/approve")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceApprovalResource {

    @Inject
    AutoProvisioning autoProvisioning;

    @POST
    @Tag(ref = ApiTags.DEVICES)
    @Operation(operationId = "approveDevice",
            summary = "Approve an auto-provisioned device",
            description = "Lets a pending auto-provisioned device publish and gives it its own broker account. "
                    + "An active device stays as it is. A disabled pending device is not approved (409): enable it "
                    + "first.")
    @APIResponse(responseCode = "200", description = "The device, now active",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeviceView")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public DeviceView approve(@Parameter(description = "The device's id", required = true) @PathParam("id") String id) {
        return DeviceView.of(autoProvisioning.approve(id));
    }
}
