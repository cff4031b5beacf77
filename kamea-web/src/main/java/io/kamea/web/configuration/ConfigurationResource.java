package io.kamea.web.configuration;

import io.kamea.configuration.ReportedConfigurationStore;
import io.kamea.provisioning.ProvisioningService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/devices/{id}/configurations}: what a device reported. */
@RequestScoped
@Path("devices/{id}/configurations")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigurationResource {

    @Inject
    ProvisioningService provisioning;

    @Inject
    ReportedConfigurationStore reported;

    @GET
    @Path("reported")
    public ReportedConfigurationView reported(@PathParam("id") String id) {
        String deviceId = provisioning.find(id).getId();
        return ReportedConfigurationView.of(deviceId, reported.current(deviceId).orElse(null));
    }
}
