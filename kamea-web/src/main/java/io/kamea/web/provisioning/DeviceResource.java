package io.kamea.web.provisioning;

import io.kamea.platform.InvalidRequestException;
import io.kamea.provisioning.ProvisioningService;
import io.kamea.provisioning.ProvisioningType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code /api/devices}: provision, list, show and remove devices. */
@RequestScoped
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    @Inject
    ProvisioningService provisioning;

    @Context
    UriInfo uriInfo;

    @POST
    public Response create(DeviceRequest request) {
        if (request == null) {
            throw new InvalidRequestException("A JSON body with name and provisioning is required");
        }
        var provisioned = provisioning.provision(request.name(), provisioningType(request.provisioning()),
                request.commonName(), request.certificate());
        // Answer once the device can connect: its certificate must be in the broker's whitelist.
        provisioning.awaitTrustStore(provisioned.device());
        var location = uriInfo.getAbsolutePathBuilder().path(provisioned.device().getId()).build();
        return Response.created(location).entity(DeviceView.of(provisioned)).build();
    }

    @GET
    public DevicePageView list(@QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("50") int size,
                               @QueryParam("connected") String connected,
                               @QueryParam("search") String search) {
        return DevicePageView.of(provisioning.list(page, size, connectedFilter(connected), search));
    }

    @GET
    @Path("{id}")
    public DeviceView get(@PathParam("id") String id) {
        return DeviceView.of(provisioning.find(id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        // Answer once the broker can no longer accept the device's certificate.
        provisioning.awaitTrustStore(provisioning.deprovision(id));
        return Response.noContent().build();
    }

    /** {@code ?connected=true|false}: only devices connected, or not; absent: all. */
    private static Boolean connectedFilter(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidRequestException("connected must be true or false");
        };
    }

    private static ProvisioningType provisioningType(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("provisioning is required; one of: " + supported());
        }
        return ProvisioningType.fromWireName(value)
                .orElseThrow(() -> new InvalidRequestException(
                        "Unsupported provisioning '" + value + "'; one of: " + supported()));
    }

    private static String supported() {
        return Arrays.stream(ProvisioningType.values()).map(ProvisioningType::wireName)
                .collect(Collectors.joining(", "));
    }
}
