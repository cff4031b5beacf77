package io.kamea.web.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The UI's session: the user's name, when it began and a CSRF token, nothing else (the role is
 * read again on every call, and a password changed since it began ends it). The cookie is HttpOnly, Secure and SameSite=Strict (WEB-INF/web.xml); the CSRF
 * token, sent back in {@value #CSRF_HEADER} on every state-changing call, is a second line for a
 * browser that ignores SameSite.
 */
public final class Sessions {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String USERNAME = "kamea.username";
    static final String CSRF = "kamea.csrf";
    static final String SINCE = "kamea.since";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sessions() {
    }

    /** A new session for {@code username} (a new id: a session fixed before login is worth nothing); its CSRF token. */
    static String start(HttpServletRequest request, String username) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(USERNAME, username);
        session.setAttribute(CSRF, csrf);
        session.setAttribute(SINCE, Instant.now());
        return csrf;
    }

    /** The session's user, and when the session began (or last changed the user's password). */
    record Login(String username, Instant since) {
    }

    static Optional<Login> login(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(USERNAME) instanceof String username)
                || !(session.getAttribute(SINCE) instanceof Instant since)) {
            return Optional.empty();
        }
        return Optional.of(new Login(username, since));
    }

    /** The session that changed its user's password outlives the change; the user's other sessions do not. */
    static void passwordChanged(HttpServletRequest request, Instant at) {
        request.getSession().setAttribute(SINCE, at);
    }

    static Optional<String> csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(CSRF));
    }

    static boolean csrfMatches(HttpServletRequest request) {
        String presented = request.getHeader(CSRF_HEADER);
        return presented != null && csrfToken(request)
                .map(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        presented.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
