package io.kamea.web.provisioning;

import io.kamea.provisioning.AutoProvisioning;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/devices/{id}/approve}: lets an auto-provisioned device that waits for approval
 * publish. Approving a device already active changes nothing. Its own root resource: a sub-path
 * of {@code devices/{id}} declared in {@link DeviceResource} would hide the other root resources
 * under it.
 */
@RequestScoped
@Path("devices/{id}/approve")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceApprovalResource {

    @Inject
    AutoProvisioning autoProvisioning;

    @POST
    public DeviceView approve(@PathParam("id") String id) {
        return DeviceView.of(autoProvisioning.approve(id));
    }
}
