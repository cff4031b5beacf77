package io.kamea.web.access;

import io.kamea.access.Caller;
import io.kamea.access.Role;
import io.kamea.access.UserDirectory;
import io.kamea.platform.InvalidRequestException;
import io.kamea.web.ApiTags;
import io.kamea.web.Problem;
import io.kamea.web.ProblemResponses;
import io.kamea.web.audit.AuditFilter;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/session}: the UI logs in with a built-in user's name and password, learns who it is,
 * changes its password and logs out. Machines use API keys instead.
 */
@RequestScoped
@Path(SessionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    public static final String PATH = "session";

    @Inject
    UserDirectory users;

    @Inject
    FailedLogins failures;

    @Context
    HttpServletRequest request;

    @POST
    @PermitAll
    @SecurityRequirementsSet({})
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "login", summary = "Log in",
            description = "A built-in user's name and password. Answers the session's CSRF token, to send in "
                    + "X-CSRF-Token with every state-changing call, and sets the session cookie (HttpOnly, Secure, "
                    + "SameSite=Strict). After 5 wrong passwords for a user, or 30 failures from an address, they "
                    + "are refused for a while: 429 with Retry-After.")
    @APIResponse(responseCode = "200", description = "Logged in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SessionView")))
    @APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "429", ref = ProblemResponses.TOO_MANY_FAILURES)
    public Response login(LoginRequest login) {
        String username = login == null ? null : login.username();
        AuditFilter.claimIdentity(request, username);
        String source = request.getRemoteAddr();
        var refusal = failures.refusal(source, username);
        if (refusal.isPresent()) {
            long seconds = FailedLogins.retryAfterSeconds(refusal.get());
            return Response.fromResponse(Problem.response(429, "Too many failed attempts", FailedLogins.refusal(seconds)))
                    .header("Retry-After", seconds).build();
        }
        Optional<Caller> caller = users.verify(username, login == null ? null : login.password());
        if (caller.isEmpty()) {
            failures.failed(source, username);
            return Problem.response(401, "Unauthorized", "Wrong user name or password");
        }
        failures.succeeded(username);
        Callers.set(request, caller.get());
        String csrf = Sessions.start(request, caller.get().name());
        return Response.ok(SessionView.of(caller.get(), csrf)).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_NAME)
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "whoAmI", summary = "Who is calling",
            description = "The caller's name, role and kind (user, api-key, token); for a session, its CSRF token.")
    @APIResponse(responseCode = "200", description = "The caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SessionView")))
    @APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
    public SessionView whoAmI() {
        Caller caller = Callers.of(request).orElseThrow();
        return SessionView.of(caller, caller.kind() == Caller.Kind.USER ? Sessions.csrfToken(request).orElse(null) : null);
    }

    @DELETE
    @RolesAllowed(Role.VIEWER_NAME)
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "logout", summary = "Log out", description = "Ends the session (nothing for a key or a token).")
    @APIResponse(responseCode = "204", description = "Logged out")
    @APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
    public Response logout() {
        Sessions.end(request);
        return Response.noContent().build();
    }

    @PUT
    @Path("password")
    @RolesAllowed(Role.VIEWER_NAME)
    @Tag(ref = ApiTags.ACCESS)
    @Operation(operationId = "changePassword", summary = "Change my password",
            description = "A built-in user's own password: the current one, and the new one (12 to 256 characters). "
                    + "The user's other sessions end; this one goes on.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
    public Response changePassword(PasswordChangeRequest change) {
        Caller caller = Callers.of(request).orElseThrow();
        if (caller.kind() != Caller.Kind.USER) {
            throw new InvalidRequestException("Only a built-in user has a password; this is a " + caller.kind().label());
        }
        if (change == null) {
            throw new InvalidRequestException("A JSON body with currentPassword and newPassword is required");
        }
        Sessions.passwordChanged(request, users.changePassword(caller.name(), change.currentPassword(),
                change.newPassword()));
        return Response.noContent().build();
    }
}
