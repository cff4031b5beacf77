package io.kamea.web;

/**
 * Names of the error responses declared once, with the {@link Problem} schema, in the OpenAPI
 * document's static part ({@code META-INF/openapi.yaml}), for operations to refer to:
 * {@code @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)}.
 */
public final class ProblemResponses {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    public static final String UNAVAILABLE = "Unavailable";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String TOO_MANY_FAILURES = "TooManyFailures";

    private ProblemResponses() {
    }
}
