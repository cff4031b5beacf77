package io.kamea.web.configuration;

import io.kamea.configuration.DesiredConfigurationService;
import io.kamea.configuration.ReportedConfigurationStore;
import io.kamea.platform.InvalidRequestException;
import io.kamea.provisioning.Device;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import io.kamea.provisioning.ProvisioningService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/devices/{id}/configurations}: the desired configuration operators set, the one the
 * device reported, and where each key stands between the two.
 */
@RequestScoped
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
    public ConfigurationsView all(@PathParam("id") String id) {
        String deviceId = provisioning.find(id).getId();
        var want = desired.current(deviceId).orElse(null);
        var have = reported.current(deviceId).orElse(null);
        return ConfigurationsView.of(deviceId, want, have);
    }

    /** Replaces the whole desired configuration: a key left out is removed. */
    @PUT
    @Path("desired")
    @Consumes(MediaType.APPLICATION_JSON)
    public DesiredConfigurationView replaceDesired(@PathParam("id") String id, String body) {
        Device device = provisioning.find(id);
        JsonObject document = Documents.parseObject(body)
                .orElseThrow(() -> new InvalidRequestException(
                        "The desired configuration must be a JSON object (the whole set of keys)"));
        return DesiredConfigurationView.of(device.getId(), desired.replace(device, document));
    }

    @GET
    @Path("desired")
    public DesiredConfigurationView desired(@PathParam("id") String id) {
        String deviceId = provisioning.find(id).getId();
        return DesiredConfigurationView.of(deviceId, desired.current(deviceId).orElse(null));
    }

    @GET
    @Path("reported")
    public ReportedConfigurationView reported(@PathParam("id") String id) {
        String deviceId = provisioning.find(id).getId();
        return ReportedConfigurationView.of(deviceId, reported.current(deviceId).orElse(null));
    }
}
