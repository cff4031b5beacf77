package io.kamea.web.provisioning;

import io.kamea.access.Role;
import io.kamea.platform.InvalidRequestException;
import io.kamea.provisioning.DeviceListing;
import io.kamea.provisioning.DeviceStatus;
import io.kamea.provisioning.ProvisioningService;
import io.kamea.provisioning.ProvisioningType;
import io.kamea.web.ApiTags;
import io.kamea.web.ProblemResponses;
import io.kamea.web.limits.BodyLimit;
import io.kamea.web.limits.Limit;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/devices}: provision, list, show and remove devices (approval:
 * {@link DeviceApprovalResource}; disabling: {@link DeviceDisableResource}, {@link DeviceEnableResource};
 * bans: {@link DeviceBanResource}).
 */
@RequestScoped
@RolesAllowed(Role.VIEWER_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    @Inject
    ProvisioningService provisioning;

    @Context
    UriInfo uriInfo;

    @RolesAllowed(Role.ADMIN_NAME)
    @POST
    @BodyLimit(Limit.CERTIFICATE)
    @Tag(ref = ApiTags.DEVICES)
    @Operation(operationId = "createDevice",
            summary = "Provision a device",
            description = "Creates the device and its broker account, confined to its five topics. provisioning: "
                    + "password (credentials in this answer only), certificate (commonName of a CA-signed "
                    + "certificate) or self-signed (certificate: the PEM, checked, then pinned on the device's broker "
                    + "account by its SHA-256 fingerprint: the device can connect once this answers). A common "
                    + "name reserved for Kamea's own broker accounts, or a broker user Kamea did not create, is a 409.")
    @APIResponse(responseCode = "201", description = "Provisioned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeviceView")),
            headers = @Header(name = "Location", description = "The device's URL"))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "413", ref = ProblemResponses.CONTENT_TOO_LARGE)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public Response create(DeviceRequest request) {
        if (request == null) {
            throw new InvalidRequestException("A JSON body with name and provisioning is required");
        }
        var provisioned = provisioning.provision(request.name(), provisioningType(request.provisioning()),
                request.commonName(), request.certificate());
        var location = uriInfo.getAbsolutePathBuilder().path(provisioned.device().getId()).build();
        return Response.created(location).entity(DeviceView.of(provisioned)).build();
    }

    @GET
    @Tag(ref = ApiTags.DEVICES)
    @Operation(operationId = "listDevices",
            summary = "List devices", description = "Newest first, one page at a time, without credentials.")
    @APIResponse(responseCode = "200", description = "One page of devices",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DevicePageView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public DevicePageView list(@Parameter(description = "Page number, from 0")
                               @QueryParam("page") @DefaultValue("0") int page,
                               @Parameter(description = "Page size, 1 to 500")
                               @QueryParam("size") @DefaultValue("50") int size,
                               @Parameter(description = "true: only connected devices, false: only those not "
                                       + "connected; absent: all")
                               @QueryParam("connected") String connected,
                               @Parameter(description = "only devices whose name or interface name contains this, "
                                       + "case-insensitively")
                               @QueryParam("search") String search,
                               @Parameter(description = "active or pending (auto-provisioned devices waiting for "
                                       + "approval); absent: all")
                               @QueryParam("status") String status,
                               @Parameter(description = "true: only disabled devices, false: only enabled ones; "
                                       + "absent: all")
                               @QueryParam("disabled") String disabled) {
        var listing = new DeviceListing(booleanFilter("connected", connected), search, statusFilter(status),
                booleanFilter("disabled", disabled));
        return DevicePageView.of(provisioning.list(page, size, listing));
    }

    @GET
    @Path("{id}")
    @Tag(ref = ApiTags.DEVICES)
    @Operation(operationId = "getDevice",
            summary = "Show a device", description = "The device with its topics (never its credentials).")
    @APIResponse(responseCode = "200", description = "The device",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeviceView")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public DeviceView get(@Parameter(description = "The device's id", required = true) @PathParam("id") String id) {
        return DeviceView.of(provisioning.find(id));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @DELETE
    @Path("{id}")
    @Tag(ref = ApiTags.DEVICES)
    @Operation(operationId = "deleteDevice",
            summary = "Remove a device",
            description = "Clears its retained desired configuration on the broker, removes its broker account "
                    + "(closing its connections; for a self-signed device this unpins its certificate at once), "
                    + "then the device.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public Response delete(@Parameter(description = "The device's id", required = true) @PathParam("id") String id) {
        provisioning.deprovision(id);
        return Response.noContent().build();
    }

    /** {@code ?connected=true|false}, {@code ?disabled=true|false}: only devices that are, or are not; absent: all. */
    private static Boolean booleanFilter(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidRequestException(name + " must be true or false");
        };
    }

    /** {@code ?status=active|pending}: only devices in that status; absent: all. */
    private static DeviceStatus statusFilter(String value) {
        if (value == null) {
            return null;
        }
        return DeviceStatus.fromWireName(value).orElseThrow(() -> new InvalidRequestException(
                "status must be one of: " + Arrays.stream(DeviceStatus.values()).map(DeviceStatus::wireName)
                        .collect(Collectors.joining(", "))));
    }

    private static ProvisioningType provisioningType(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("provisioning is required; one of: " + supported());
        }
        return ProvisioningType.fromWireName(value)
                .filter(ProvisioningType::requestable)
                .orElseThrow(() -> new InvalidRequestException(
                        "Unsupported provisioning '" + value + "'; one of: " + supported()));
    }

    private static String supported() {
        return Arrays.stream(ProvisioningType.values()).filter(ProvisioningType::requestable)
                .map(ProvisioningType::wireName)
                .collect(Collectors.joining(", "));
    }
}
