package io.kamea.web.audit;

import io.kamea.access.AuditRecord;
import io.kamea.access.AuditTrail;
import io.kamea.access.Caller;
import io.kamea.platform.LogBudget;
import io.kamea.web.access.Callers;
import io.kamea.web.brokerauth.BrokerAuthResource;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Records one audit entry for every state-changing call of the API (POST, PUT, PATCH, DELETE),
 * whatever its outcome (refused ones included: 401, 403, 400...), once its status is known. The
 * action is the operation's OpenAPI id ({@code createDevice}); the target, the request's path.
 * Reads are not recorded; nor are the broker's callbacks, which are not operators' calls. A call
 * refused by the authentication mechanism itself (bad credentials) is recorded there.
 *
 * <p>Calls without an authenticated caller (refused anonymous writes, failed logins, logins refused
 * for too many failures) need no credential to make: at most {@value #UNAUTHENTICATED_PER_MINUTE}
 * of them a minute are recorded per application server, so that a flood cannot grow the trail
 * without bound; past that they are only counted, and the server log says how many were left out.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class.getName());
    private static final String CLAIMED_IDENTITY = AuditFilter.class.getName() + ".claimed";
    static final int UNAUTHENTICATED_PER_MINUTE = 600;
    private static final LogBudget UNAUTHENTICATED = new LogBudget(UNAUTHENTICATED_PER_MINUTE, Duration.ofMinutes(1));

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    private volatile AuditTrail trail;

    /** For a login that failed: the user name it tried, recorded as the entry's identity. */
    public static void claimIdentity(HttpServletRequest request, String username) {
        request.setAttribute(CLAIMED_IDENTITY, username);
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        String method = requestContext.getMethod();
        String path = requestContext.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || relative.startsWith(BrokerAuthResource.PATH)) {
            return;
        }
        Caller caller = Callers.of(requestContext).orElse(null);
        String target = "/api/" + relative;
        AuditRecord record = caller == null && request.getAttribute(CLAIMED_IDENTITY) != null
                ? new AuditRecord((String) request.getAttribute(CLAIMED_IDENTITY), Caller.Kind.USER.label(), null,
                        action(method), target, response.getStatus(), request.getRemoteAddr())
                : AuditRecord.of(caller, action(method), target, response.getStatus(), request.getRemoteAddr());
        if (caller == null) {
            LogBudget.Allowance allowance = UNAUTHENTICATED.take();
            if (!allowance.write()) {
                return;
            }
            if (allowance.leftOut() > 0) {
                LOG.warning(() -> allowance.leftOut() + " calls without an authenticated caller were not recorded in the "
                        + "audit trail (more than " + UNAUTHENTICATED_PER_MINUTE + " a minute)");
            }
        }
        try {
            trail().record(record);
        } catch (RuntimeException e) {
            // The call itself is done and answered; only its trace is missing, which must be seen.
            LOG.log(Level.SEVERE, "Could not write the audit entry of " + record.action() + " by "
                    + record.identity() + " (" + record.outcome() + ")", e);
        }
    }

    private String action(String httpMethod) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return httpMethod;
        }
        Operation operation = method.getAnnotation(Operation.class);
        return operation != null && !operation.operationId().isEmpty() ? operation.operationId() : method.getName();
    }

    /** Looked up rather than injected: providers are not CDI beans on every runtime. */
    private AuditTrail trail() {
        AuditTrail current = trail;
        if (current == null) {
            current = CDI.current().select(AuditTrail.class).get();
            trail = current;
        }
        return current;
    }
}
