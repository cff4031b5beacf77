package io.kamea.web.access.oidc;

/**
 * A bearer token Kamea does not accept. {@link #status()} is the answer the caller gets: 401 for a
 * token that is not valid (signature, issuer, audience, lifetime...), 403 for a valid token whose
 * subject has no Kamea role. The message is safe to show to the caller and to log: it never holds
 * the token nor any of its claims' values.
 */
public class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    private InvalidTokenException(int status, String message, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
    }

    /** 401: not a token Kamea trusts. */
    public static InvalidTokenException unauthorized(String message) {
        return new InvalidTokenException(401, message, null);
    }

    static InvalidTokenException unauthorized(String message, Throwable cause) {
        return new InvalidTokenException(401, message, cause);
    }

    /** 403: a valid token whose subject has no Kamea role. */
    public static InvalidTokenException forbidden(String message) {
        return new InvalidTokenException(403, message, null);
    }

    /** 401 or 403. */
    public int status() {
        return status;
    }

    /** True for 403: the token is valid, but its subject may not use Kamea. */
    public boolean forbidden() {
        return status == 403;
    }
}
