package io.kamea.web.access;

import io.kamea.web.Problem;
import io.kamea.web.headers.SecurityHeaders;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Problem answers written before JAX-RS sees the request, by the authentication mechanism: the
 * same body and media type as every other error of the API.
 */
final class ServletProblems {

    private ServletProblems() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"kamea\", error=\"invalid_token\"");
        write(request, response, 401, "Unauthorized", detail);
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) {
        write(request, response, 403, "Forbidden", detail);
    }

    static void tooManyFailures(HttpServletRequest request, HttpServletResponse response, Duration retryAfter) {
        long seconds = FailedLogins.retryAfterSeconds(retryAfter);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(request, response, 429, "Too many failed attempts", FailedLogins.refusal(seconds));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail) {
        SecurityHeaders.set(request, response);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        byte[] body = Json.createObjectBuilder()
                .add("type", "about:blank").add("title", title).add("status", status).add("detail", detail)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
