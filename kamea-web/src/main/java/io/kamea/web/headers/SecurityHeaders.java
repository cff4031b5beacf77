package io.kamea.web.headers;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sets the browser-side protections on every answer of the application (API, UI, Swagger UI),
 * before the answer is produced, so that errors and problem bodies carry them too:
 * <ul>
 * <li>{@code Content-Security-Policy}: scripts, styles, images and calls from this origin only,
 * and no framing ({@code frame-ancestors 'none'}, clickjacking). The UI has no inline script or
 * style; Swagger UI ({@code /api-docs/}) sets inline styles and draws its icons from
 * {@code data:} images, so its pages allow those two and nothing else.</li>
 * <li>{@code X-Content-Type-Options: nosniff}: a device's configuration shown as JSON is never
 * run as a script.</li>
 * <li>{@code Referrer-Policy: no-referrer}: device ids in URLs do not leave with a link.</li>
 * <li>{@code Strict-Transport-Security: max-age=31536000} on answers over HTTPS: for a year the
 * browser goes to this host over HTTPS only, even when given an {@code http://} link (plain HTTP
 * only redirects to HTTPS, and the header would mean nothing there: browsers ignore it).</li>
 * </ul>
 * Payara's own endpoints ({@code /health}, {@code /metrics}, {@code /openapi}) are not part of the
 * application and do not pass here.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    static final String POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String SWAGGER_UI_POLICY = POLICY + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
    static final String SWAGGER_UI_PATH = "/api-docs/";
    static final String HSTS = "max-age=31536000";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        set(request, response);
        chain.doFilter(request, response);
    }

    /**
     * The headers for the answer to {@code request}: also for the answers the authentication
     * mechanism gives before any filter runs.
     */
    public static void set(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", path.startsWith(SWAGGER_UI_PATH) ? SWAGGER_UI_POLICY : POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}
