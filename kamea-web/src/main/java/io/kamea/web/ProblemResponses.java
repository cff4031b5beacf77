package io.kamea.web;

/**
 * Names of the error responses declared once in the OpenAPI document ({@link KameaApi}), for
 * operations to refer to, e.g. {@code @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)}.
 */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String BAD_REQUEST = "BadRequest";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String UNAVAILABLE = "Unavailable";

    private ProblemResponses() {
    }
}
