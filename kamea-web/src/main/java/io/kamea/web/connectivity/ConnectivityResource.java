package io.kamea.web.connectivity;

import io.kamea.connectivity.ConnectivityService;
import io.kamea.platform.InvalidRequestException;
import io.kamea.provisioning.ProvisioningService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/devices/{id}/connectivity}: connected or not, since when, recent transitions. */
@RequestScoped
@Path("devices/{id}/connectivity")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectivityResource {

    static final int MAX_HISTORY = 100;

    @Inject
    ProvisioningService provisioning;

    @Inject
    ConnectivityService connectivity;

    @GET
    public ConnectivityView get(@PathParam("id") String id, @QueryParam("history") @DefaultValue("20") int history) {
        if (history < 0 || history > MAX_HISTORY) {
            throw new InvalidRequestException("history must be between 0 and " + MAX_HISTORY);
        }
        String deviceId = provisioning.find(id).getId();
        return ConnectivityView.of(connectivity.state(deviceId, history));
    }
}
