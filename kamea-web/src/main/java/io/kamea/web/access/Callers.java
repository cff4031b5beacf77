package io.kamea.web.access;

import io.kamea.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/** Where the authentication mechanism leaves the request's caller for the rules and the audit. */
public final class Callers {

    static final String ATTRIBUTE = Caller.class.getName();

    private Callers() {
    }

    public static Optional<Caller> of(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    /**
     * The same, from JAX-RS: on a servlet container the request's properties are its attributes,
     * and this spares the per-call proxy an injected HttpServletRequest costs.
     */
    public static Optional<Caller> of(ContainerRequestContext request) {
        return Optional.ofNullable((Caller) request.getProperty(ATTRIBUTE));
    }

    static void set(HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }
}
