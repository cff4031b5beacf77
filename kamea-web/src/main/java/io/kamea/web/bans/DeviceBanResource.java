package io.kamea.web.bans;

import io.kamea.access.Role;
import io.kamea.platform.InvalidRequestException;
import io.kamea.provisioning.bans.Ban;
import io.kamea.provisioning.bans.BanService;
import io.kamea.web.ApiTags;
import io.kamea.web.ProblemResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/devices/{id}/ban}: bans what a certificate device logs in with, as the device
 * page offers it. Its own root resource, as io.kamea.web.provisioning.DeviceApprovalResource
 * explains.
 */
@RequestScoped
@RolesAllowed(Role.ADMIN_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("devices/{id}/ban")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceBanResource {

    @Inject
    BanService bans;

    @Context
    UriInfo uriInfo;

    @POST
    @Tag(ref = ApiTags.BANS)
    @Operation(operationId = "banDevice",
            summary = "Ban a device's certificate or common name",
            description = "ban: certificate (fingerprintSha256, or nothing for a self-signed device: the certificate "
                    + "it uploaded) bans that certificate and closes the device's connections, so it comes back "
                    + "only with another certificate; common-name bans the device's interface name, which disables "
                    + "it. reason: 1 to 500 characters, one line. A password device has no certificate: 400.")
    @APIResponse(responseCode = "201", description = "Banned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BanView")),
            headers = @Header(name = "Location", description = "The ban's URL"))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public Response ban(@Parameter(description = "The device's id", required = true) @PathParam("id") String id,
                        DeviceBanRequest request) {
        Ban ban = banned(id, request);
        return BanResource.created(uriInfo.getBaseUriBuilder().path("bans").path(ban.getId()).build(), ban);
    }

    /** The ban the request asks for, made. */
    Ban banned(String id, DeviceBanRequest request) {
        if (request == null || request.ban() == null) {
            throw new InvalidRequestException(
                    "A JSON body with ban (certificate or common-name) and reason is required");
        }
        return switch (request.ban()) {
            case "certificate" -> bans.banDeviceCertificate(id, request.fingerprintSha256(), request.reason());
            case "common-name" -> {
                if (request.fingerprintSha256() != null) {
                    throw new InvalidRequestException("fingerprintSha256 is for ban 'certificate' only");
                }
                yield bans.banDeviceCommonName(id, request.reason());
            }
            default -> throw new InvalidRequestException("ban must be certificate or common-name");
        };
    }
}
