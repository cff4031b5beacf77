package io.kamea.web.access.keys;

import io.kamea.access.ApiKeys;
import io.kamea.access.Role;
import io.kamea.platform.InvalidRequestException;
import io.kamea.web.ApiTags;
import io.kamea.web.Instants;
import io.kamea.web.ProblemResponses;
import io.kamea.web.access.Callers;
import io.kamea.web.access.RoleNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/keys}: API keys, admins only. */
@RequestScoped
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ApiKeyResource {

    @Inject
    ApiKeys keys;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uriInfo;

    @GET
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "Newest first, revoked ones included; never their secrets.")
    @APIResponse(responseCode = "200", description = "One page of keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKeyPageView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public ApiKeyPageView list(@Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
                               @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") int size) {
        return ApiKeyPageView.of(keys.list(page, size));
    }

    @POST
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "createApiKey", summary = "Make an API key",
            description = "name (1 to 100 characters), role (viewer, operator, admin), optional expiresAt "
                    + "(ISO-8601 instant, in the future). The answer holds the key, once: Kamea keeps only its "
                    + "SHA-256. Send it as Authorization: Bearer <key>.")
    @APIResponse(responseCode = "201", description = "Made; key is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKeyView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public Response create(ApiKeyRequest body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON body with name and role is required");
        }
        var issued = keys.create(body.name(), RoleNames.parse(body.role()), Instants.parse("expiresAt", body.expiresAt()),
                Callers.of(request).orElseThrow().name());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.apiKey().getId()).build())
                .entity(ApiKeyView.of(issued.apiKey(), issued.key())).build();
    }

    @GET
    @Path("{id}")
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "getApiKey", summary = "Show an API key")
    @APIResponse(responseCode = "200", description = "The key, without its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKeyView")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public ApiKeyView get(@Parameter(description = "The key's id", required = true) @PathParam("id") String id) {
        return ApiKeyView.of(keys.find(id), null);
    }

    @DELETE
    @Path("{id}")
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "For good: the next call with it is refused (401). The key stays listed, revoked.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public Response revoke(@Parameter(description = "The key's id", required = true) @PathParam("id") String id) {
        keys.revoke(id);
        return Response.noContent().build();
    }
}
