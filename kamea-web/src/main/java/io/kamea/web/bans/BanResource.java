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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/bans}: list, make and lift bans of certificates and common names. */
@RequestScoped
@RolesAllowed(Role.VIEWER_NAME)
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("bans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BanResource {

    @Inject
    BanService bans;

    @Context
    UriInfo uriInfo;

    @GET
    @Tag(ref = ApiTags.BANS)
    @Operation(operationId = "listBans", summary = "List bans", description = "Newest first, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of bans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BanPageView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public BanPageView list(@Parameter(description = "Page number, from 0")
                            @QueryParam("page") @DefaultValue("0") int page,
                            @Parameter(description = "Page size, 1 to 500")
                            @QueryParam("size") @DefaultValue("50") int size) {
        return BanPageView.of(bans.list(page, size));
    }

    @GET
    @Path("{id}")
    @Tag(ref = ApiTags.BANS)
    @Operation(operationId = "getBan", summary = "Show a ban")
    @APIResponse(responseCode = "200", description = "The ban",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BanView")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public BanView get(@Parameter(description = "The ban's id", required = true) @PathParam("id") String id) {
        return BanView.of(bans.find(id));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @POST
    @Tag(ref = ApiTags.BANS)
    @Operation(operationId = "createBan",
            summary = "Ban a certificate or a common name",
            description = "fingerprintSha256 (the SHA-256 of a certificate's DER: 64 hex digits, or 32 hex pairs "
                    + "separated by colons) or commonName, and a reason (1 to 500 characters, one line). A banned "
                    + "certificate is refused by the broker during the TLS handshake from the moment this answers, "
                    + "whatever CA signed it; connections already open stay (POST /devices/{id}/ban closes a "
                    + "device's). A banned common name is never auto-provisioned, and the device that has it is "
                    + "disabled. A self-signed device whose certificate is banned is disabled.")
    @APIResponse(responseCode = "201", description = "Banned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BanView")),
            headers = @Header(name = "Location", description = "The ban's URL"))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public Response create(BanRequest request) {
        Ban ban = banned(request);
        return created(uriInfo.getAbsolutePathBuilder().path(ban.getId()).build(), ban);
    }

    /** The ban the request asks for, made. */
    Ban banned(BanRequest request) {
        if (request == null) {
            throw new InvalidRequestException(
                    "A JSON body with fingerprintSha256 or commonName, and reason, is required");
        }
        if (request.fingerprintSha256() != null && request.commonName() != null) {
            throw new InvalidRequestException("fingerprintSha256 or commonName, not both: one ban each");
        }
        return request.fingerprintSha256() != null
                ? bans.banCertificate(request.fingerprintSha256(), request.reason())
                : bans.banCommonName(request.commonName(), request.reason());
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @DELETE
    @Path("{id}")
    @Tag(ref = ApiTags.BANS)
    @Operation(operationId = "deleteBan",
            summary = "Lift a ban",
            description = "A certificate is accepted again from the moment this answers. Devices the ban disabled "
                    + "stay disabled until enabled.")
    @APIResponse(responseCode = "204", description = "Lifted")
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public Response delete(@Parameter(description = "The ban's id", required = true) @PathParam("id") String id) {
        bans.lift(id);
        return Response.noContent().build();
    }

    /** 201 with the ban and its URL. */
    static Response created(URI location, Ban ban) {
        return Response.created(location).entity(BanView.of(ban)).build();
    }
}
