package io.kamea.web.access;

import io.kamea.access.Caller;
import io.kamea.platform.LogSafe;
import io.kamea.web.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Enforces every resource method's {@link AccessRule}: 401 without a caller where a role is
 * needed, 403 with a role that is not enough, and 403 for a method without any rule (logged: it
 * is a bug). The caller is the one the authentication mechanism found ({@link Callers}); roles
 * include those below them ({@link io.kamea.access.Role#groups()}).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessRules implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AccessRules.class.getName());

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext context) {
        if (resource.getResourceMethod() == null) {
            return;
        }
        AccessRule rule = AccessRule.of(resource.getResourceMethod(), resource.getResourceClass());
        Optional<Caller> caller = Callers.of(context);
        switch (rule.kind()) {
            case PERMIT_ALL -> {
            }
            case ROLES -> {
                if (caller.isEmpty()) {
                    context.abortWith(Response.fromResponse(Problem.response(401, "Unauthorized",
                                    "Authentication required: Authorization: Bearer <API key or token>, or a session "
                                            + "(POST /api/session)"))
                            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kamea\"").build());
                } else if (rule.roles().stream().noneMatch(caller.get().role().groups()::contains)) {
                    context.abortWith(Problem.response(403, "Forbidden", "This needs the role "
                            + String.join(" or ", rule.roles()) + "; " + caller.get().kind().label() + " '"
                            + caller.get().name() + "' has the role " + caller.get().role().roleName()));
                }
            }
            case DENY_ALL -> context.abortWith(Problem.response(403, "Forbidden", "Nobody may call this"));
            case NONE -> {
                LOG.severe(() -> "No access rule on " + resource.getResourceClass().getName() + "."
                        + resource.getResourceMethod().getName() + ": refused (" + LogSafe.quote(context.getUriInfo().getPath()) + ")");
                context.abortWith(Problem.response(403, "Forbidden", "This operation has no access rule"));
            }
        }
    }
}
