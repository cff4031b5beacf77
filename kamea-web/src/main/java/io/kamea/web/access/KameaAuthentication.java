package io.kamea.web.access;

import io.kamea.access.ApiKeySecrets;
import io.kamea.access.RecentApiKeys;
import io.kamea.access.AuditRecord;
import io.kamea.access.AuditTrail;
import io.kamea.access.Caller;
import io.kamea.access.UserDirectory;
import io.kamea.web.access.oidc.InvalidTokenException;
import io.kamea.web.access.oidc.OidcTokens;
import io.kamea.web.brokerauth.BrokerAuthResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.Optional;

/**
 * Kamea's one authentication mechanism (Jakarta Security 3 gives an application one), for every
 * request of the application:
 * <ul>
 * <li>{@code Authorization: Bearer kamea_…}: an API key ({@link RecentApiKeys});</li>
 * <li>{@code Authorization: Bearer <JWT>}: a token of the operator's OIDC provider, when one is
 * configured;</li>
 * <li>otherwise the UI's session ({@link Sessions}), whose state-changing calls must carry its
 * CSRF token.</li>
 * </ul>
 * A request without credentials goes on anonymous: {@link AccessRules} answers 401 wherever a
 * role is needed. Bad credentials are answered here, 401, and counted ({@link FailedLogins});
 * the broker's callbacks under {@code /api/broker-auth} have their own secret and are left alone.
 */
@ApplicationScoped
public class KameaAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    RecentApiKeys apiKeys;

    @Inject
    UserDirectory users;

    @Inject
    OidcTokens oidcTokens;

    @Inject
    FailedLogins failures;

    @Inject
    AuditTrail audit;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/" + BrokerAuthResource.PATH)) {
            return context.doNothing();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return bearer(authorization.substring(BEARER.length()).strip(), request, response, context);
        }
        if (isLogin(request, path)) {
            // A login replaces whatever session the browser still has.
            return context.doNothing();
        }
        Optional<String> username = Sessions.username(request);
        Optional<Caller> caller = username.flatMap(users::current);
        if (username.isPresent() && caller.isEmpty()) {
            Sessions.end(request);
        }
        if (caller.isEmpty()) {
            return anonymous(request, response, context);
        }
        if (!Sessions.isSafe(request.getMethod()) && !Sessions.csrfMatches(request)) {
            audit(request, caller.get(), "csrf", 403);
            ServletProblems.forbidden(request, response, "A state-changing call of a session must carry its CSRF token in "
                    + Sessions.CSRF_HEADER);
            return AuthenticationStatus.SEND_FAILURE;
        }
        return loggedIn(caller.get(), request, context);
    }

    /**
     * No credentials: the API's own rules answer (AccessRules); a resource the container protects
     * (Payara's /metrics, for the role viewer) gets its 401 here, else Payara would serve it an
     * empty 200.
     */
    private static AuthenticationStatus anonymous(HttpServletRequest request, HttpServletResponse response,
                                                  HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        ServletProblems.unauthorized(request, response, "Authentication required: Authorization: Bearer <API key>");
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * An API key or an OIDC token. From an address locked for its failures, a valid one still
     * passes (neither can be guessed: a key holds 256 random bits, a token is signed) but a bad
     * one gets 429 rather than 401, and is neither counted nor audited again.
     */
    private AuthenticationStatus bearer(String credential, HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        String source = request.getRemoteAddr();
        String refused;
        int status;
        String identity = null;
        Caller.Kind kind = null;
        if (!credential.startsWith(ApiKeySecrets.PREFIX) && oidcTokens.enabled()) {
            try {
                return loggedIn(oidcTokens.verify(credential), request, context);
            } catch (InvalidTokenException e) {
                refused = e.getMessage();
                status = e.status();
                kind = Caller.Kind.TOKEN;
            }
        } else {
            Optional<Caller> caller = credential.startsWith(ApiKeySecrets.PREFIX)
                    ? apiKeys.authenticate(credential) : Optional.empty();
            if (caller.isPresent()) {
                return loggedIn(caller.get(), request, context);
            }
            refused = "The bearer credential is not a valid API key" + (oidcTokens.enabled() ? " or token" : "")
                    + " (unknown, revoked or expired)";
            status = 401;
            identity = ApiKeySecrets.idOf(credential).orElse(null);
            kind = identity != null ? Caller.Kind.API_KEY : null;
        }
        if (status == 403) {
            // A valid token without any of Kamea's groups: a question of rights, not a failed login.
            audit.record(new AuditRecord(identity, kind.label(), null, "authenticate", target(request), 403, source));
            ServletProblems.forbidden(request, response, refused);
            return AuthenticationStatus.SEND_FAILURE;
        }
        var lock = failures.refusal(source, null);
        if (lock.isPresent()) {
            ServletProblems.tooManyFailures(request, response, lock.get());
            return AuthenticationStatus.SEND_FAILURE;
        }
        failures.failed(source, null);
        audit.record(new AuditRecord(identity, kind == null ? null : kind.label(), null, "authenticate",
                target(request), 401, source));
        ServletProblems.unauthorized(request, response, refused);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus loggedIn(Caller caller, HttpServletRequest request, HttpMessageContext context) {
        Callers.set(request, caller);
        return context.notifyContainerAboutLogin(caller.name(), new HashSet<>(caller.role().groups()));
    }

    private void audit(HttpServletRequest request, Caller caller, String action, int outcome) {
        audit.record(AuditRecord.of(caller, action, target(request), outcome, request.getRemoteAddr()));
    }

    private static String target(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean isLogin(HttpServletRequest request, String path) {
        return "POST".equals(request.getMethod()) && path.equals("/api/" + SessionResource.PATH);
    }
}
