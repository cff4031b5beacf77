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
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Kamea's one authentication module (Jakarta Authentication, registered for the web application by
 * {@link AuthenticationRegistration}), for every request of the application:
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
 * <p>
 * A server authentication module rather than a Jakarta Security {@code HttpAuthenticationMechanism}
 * bean: on Payara, the bridge that calls such a bean looks it up through JNDI and CDI twice per
 * request ({@code java:comp/BeanManager}), about 5 % of Payara's CPU on the command path
 * (docs/benchmarks.md). The module is the standard layer beneath that bridge, so the EAR stays
 * portable; Jakarta Security's {@code SecurityContext} still sees the caller it establishes.
 */
public class KameaAuthentication implements ServerAuthModule {

    private static final String BEARER = "Bearer ";
    /** Set by the container when the resource needs an authenticated caller (a security constraint). */
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    private static final Class<?>[] MESSAGE_TYPES = {HttpServletRequest.class, HttpServletResponse.class};

    private final RecentApiKeys apiKeys;
    private final UserDirectory users;
    private final OidcTokens oidcTokens;
    private final FailedLogins failures;
    private final AuditTrail audit;
    private CallbackHandler container;

    KameaAuthentication(RecentApiKeys apiKeys, UserDirectory users, OidcTokens oidcTokens, FailedLogins failures,
                        AuditTrail audit) {
        this.apiKeys = apiKeys;
        this.users = users;
        this.oidcTokens = oidcTokens;
        this.failures = failures;
        this.audit = audit;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
                           @SuppressWarnings("rawtypes") Map options) {
        this.container = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return MESSAGE_TYPES.clone();
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        var exchange = new Exchange(message, client);
        HttpServletRequest request = exchange.request();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/" + BrokerAuthResource.PATH)) {
            return exchange.anonymous();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return bearer(authorization.substring(BEARER.length()).strip(), exchange);
        }
        if (isLogin(request, path)) {
            // A login replaces whatever session the browser still has.
            return exchange.anonymous();
        }
        Optional<Sessions.Login> login = Sessions.login(request);
        Optional<Caller> caller = login.flatMap(l -> users.current(l.username(), l.since()));
        if (login.isPresent() && caller.isEmpty()) {
            Sessions.end(request);
        }
        if (caller.isEmpty()) {
            return anonymous(exchange);
        }
        if (!Sessions.isSafe(request.getMethod()) && !Sessions.csrfMatches(request)) {
            audit(request, caller.get(), "csrf", 403);
            ServletProblems.forbidden(request, exchange.response(), "A state-changing call of a session must carry its "
                    + "CSRF token in " + Sessions.CSRF_HEADER);
            return AuthStatus.SEND_FAILURE;
        }
        return exchange.loggedIn(caller.get());
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    /**
     * No credentials: the API's own rules answer (AccessRules); a resource the container protects
     * (Payara's /metrics, for the role viewer) gets its 401 here, else Payara would serve it an
     * empty 200.
     */
    private static AuthStatus anonymous(Exchange exchange) throws AuthException {
        if (!exchange.isProtected()) {
            return exchange.anonymous();
        }
        ServletProblems.unauthorized(exchange.request(), exchange.response(),
                "Authentication required: Authorization: Bearer <API key>");
        return AuthStatus.SEND_FAILURE;
    }

    /**
     * An API key or an OIDC token. From an address locked for its failures, a valid one still
     * passes (neither can be guessed: a key holds 256 random bits, a token is signed) but a bad
     * one gets 429 rather than 401, and is neither counted nor audited again.
     */
    private AuthStatus bearer(String credential, Exchange exchange) throws AuthException {
        HttpServletRequest request = exchange.request();
        HttpServletResponse response = exchange.response();
        String source = request.getRemoteAddr();
        String refused;
        int status;
        String identity = null;
        Caller.Kind kind = null;
        if (!credential.startsWith(ApiKeySecrets.PREFIX) && oidcTokens.enabled()) {
            try {
                return exchange.loggedIn(oidcTokens.verify(credential));
            } catch (InvalidTokenException e) {
                refused = e.getMessage();
                status = e.status();
                kind = Caller.Kind.TOKEN;
            }
        } else {
            Optional<Caller> caller = credential.startsWith(ApiKeySecrets.PREFIX)
                    ? apiKeys.authenticate(credential) : Optional.empty();
            if (caller.isPresent()) {
                return exchange.loggedIn(caller.get());
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
            return AuthStatus.SEND_FAILURE;
        }
        var lock = failures.refusal(source, null);
        if (lock.isPresent()) {
            ServletProblems.tooManyFailures(request, response, lock.get());
            return AuthStatus.SEND_FAILURE;
        }
        failures.failed(source, null);
        audit.record(new AuditRecord(identity, kind == null ? null : kind.label(), null, "authenticate",
                target(request), 401, source));
        ServletProblems.unauthorized(request, response, refused);
        return AuthStatus.SEND_FAILURE;
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

    /** One request's exchange with the container: its messages, and how a caller is handed over. */
    private final class Exchange {

        private final MessageInfo message;
        private final Subject client;

        Exchange(MessageInfo message, Subject client) {
            this.message = message;
            this.client = client;
        }

        HttpServletRequest request() {
            return (HttpServletRequest) message.getRequestMessage();
        }

        HttpServletResponse response() {
            return (HttpServletResponse) message.getResponseMessage();
        }

        boolean isProtected() {
            return Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)));
        }

        /** The caller, with its role and those below it as groups (which the container maps to roles). */
        AuthStatus loggedIn(Caller caller) throws AuthException {
            Callers.set(request(), caller);
            hand(new CallerPrincipalCallback(client, caller.name()),
                    new GroupPrincipalCallback(client, caller.role().groups().toArray(String[]::new)));
            return AuthStatus.SUCCESS;
        }

        /** No caller: the request goes on unauthenticated (a null principal, as the profile asks). */
        AuthStatus anonymous() throws AuthException {
            hand(new CallerPrincipalCallback(client, (Principal) null));
            return AuthStatus.SUCCESS;
        }

        private void hand(Callback... callbacks) throws AuthException {
            try {
                container.handle(callbacks);
            } catch (IOException | UnsupportedCallbackException e) {
                throw (AuthException) new AuthException("The container refused the caller").initCause(e);
            }
        }
    }
}
