package io.kamea.web.access.users;

import io.kamea.access.Passwords;
import io.kamea.access.Role;
import io.kamea.access.UserDirectory;
import io.kamea.platform.InvalidRequestException;
import io.kamea.web.ApiTags;
import io.kamea.web.ProblemResponses;
import io.kamea.web.access.RoleNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** {@code /api/users}: the built-in users, admins only. */
@RequestScoped
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class UserResource {

    private static final String USERNAME = "The user's name";

    @Inject
    UserDirectory users;

    @Context
    UriInfo uriInfo;

    @GET
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "listUsers", summary = "List built-in users", description = "By name, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of users",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserPageView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public UserPageView list(@Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
                             @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") int size) {
        return UserPageView.of(users.list(page, size));
    }

    @POST
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "createUser", summary = "Make a built-in user",
            description = "username (1 to 64 of a-z, 0-9, '.', '_', '-') and role. The answer holds the user's "
                    + "generated password, once; the user changes it with PUT /api/session/password.")
    @APIResponse(responseCode = "201", description = "Made; password is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public Response create(UserRequest body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON body with username and role is required");
        }
        String password = Passwords.generate();
        var user = users.create(body.username(), RoleNames.parse(body.role()), password);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.getUsername()).build())
                .entity(UserView.of(user, password)).build();
    }

    @GET
    @Path("{username}")
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "getUser", summary = "Show a built-in user")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserView")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public UserView get(@Parameter(description = USERNAME, required = true) @PathParam("username") String username) {
        return UserView.of(users.find(username), null);
    }

    @PUT
    @Path("{username}/role")
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "changeUserRole", summary = "Change a user's role",
            description = "Effective on the user's next call. The last admin cannot lose the role (409).")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserView")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public UserView changeRole(@Parameter(description = USERNAME, required = true) @PathParam("username") String username,
                               RoleRequest body) {
        return UserView.of(users.changeRole(username, RoleNames.parse(body == null ? null : body.role())), null);
    }

    @DELETE
    @Path("{username}")
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "deleteUser", summary = "Remove a built-in user",
            description = "Their session ends with their next call. The last admin cannot be removed (409).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public Response delete(@Parameter(description = USERNAME, required = true) @PathParam("username") String username) {
        users.delete(username);
        return Response.noContent().build();
    }
}
