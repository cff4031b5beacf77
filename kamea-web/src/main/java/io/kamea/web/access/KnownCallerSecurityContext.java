package io.kamea.web.access;

import io.kamea.access.Caller;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * Answers {@link SecurityContext#getCallerPrincipal()} with the caller {@link KameaAuthentication}
 * established for this very request, which is the principal it handed the container; anything
 * else goes to the server's own {@code SecurityContext}.
 * <p>
 * Why: Payara adds its own JAX-RS {@code @RolesAllowed} filter to every resource method of a WAR
 * inside an EAR (its {@code jaxrs-roles-allowed-enabled} switch is only read for a stand-alone
 * WAR), beside {@link AccessRules}, and that filter asks this bean for the caller principal on
 * every call. Payara's answer (Soteria 3) builds a new subject parser each time, which tries
 * GlassFish's, JBoss' and WebLogic's classes and fails to load them: about 5 % of Payara's CPU in
 * the command benchmark (docs/benchmarks.md). On a server without that filter (WildFly) nothing
 * calls it on the request path and this decorator costs nothing.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class KnownCallerSecurityContext implements SecurityContext {

    @Inject
    @Delegate
    SecurityContext server;

    @Inject
    HttpServletRequest request;

    @Override
    public Principal getCallerPrincipal() {
        return requestCaller().<Principal>map(caller -> new CallerPrincipal(caller.name()))
                .orElseGet(server::getCallerPrincipal);
    }

    /** Empty outside a servlet request (a timer, a message-driven bean). */
    private Optional<Caller> requestCaller() {
        try {
            return Callers.of(request);
        } catch (ContextNotActiveException | IllegalStateException notInARequest) {
            return Optional.empty();
        }
    }
}
