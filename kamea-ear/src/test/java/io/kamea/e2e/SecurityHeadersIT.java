package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the application carries the browser protections: answers that succeed, problem
 * bodies, the UI's files and Swagger UI's, which alone may use inline styles and data: images;
 * over HTTPS, HSTS. Plain HTTP serves nothing: every request is redirected to HTTPS.
 */
class SecurityHeadersIT {

    /**
     * HTTP/1.1: over plain HTTP, Java's client asks for HTTP/2 by an upgrade (h2c), and with a body
     * it waits past the server's redirect; curl does not (the server answers both the same).
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(Stack.tls())
            .version(HttpClient.Version.HTTP_1_1).followRedirects(Redirect.NEVER).build();
    /** The plain HTTP port of the application server (Payara's portbase + 80). */
    private static final int PLAIN_HTTP_PORT = Integer.parseInt(System.getenv().getOrDefault("PAYARA_HTTP_PORT", "8080"));

    @Test
    void apiUiAndErrorsCarryTheSecurityHeaders() throws Exception {
        Map<String, Integer> paths = Map.of(
                "/api/devices?size=1", 200,
                "/api/devices/no-such-device", 404,
                "/", 200,
                "/api-docs/", 200);
        for (var entry : paths.entrySet()) {
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(Stack.SERVER + entry.getKey()))
                            .header("Authorization", Http.bearer(Stack.API_TOKEN)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String path = entry.getKey();
            assertEquals(entry.getValue(), answer.statusCode(), path);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.startsWith("default-src 'self'; frame-ancestors 'none'"), path + ": " + policy);
            assertEquals(path.startsWith("/api-docs/"), policy.contains("'unsafe-inline'"), path + ": " + policy);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(""), path);
            assertEquals("max-age=31536000", answer.headers().firstValue("Strict-Transport-Security").orElse(""), path);
        }
    }

    @Test
    void plainHttpOnlyRedirectsToHttps() throws Exception {
        URI https = URI.create(Stack.SERVER);
        assertEquals("https", https.getScheme(), "KAMEA_API_URL is HTTPS");
        for (String path : new String[] {"/api/devices?size=1", "/", "/health/ready", "/metrics", "/openapi"}) {
            for (String method : new String[] {"GET", "POST", "DELETE"}) {
                URI plain = new URI("http", null, https.getHost(), PLAIN_HTTP_PORT, null, null, null).resolve(path);
                HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(plain)
                        .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "{}" : ""))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                String where = method + " " + plain;
                assertEquals(302, answer.statusCode(), where + ": " + answer.body());
                assertEquals("https://" + https.getHost() + ":" + https.getPort() + path,
                        answer.headers().firstValue("Location").orElse(""), where);
                assertEquals("", answer.body(), where);
            }
        }
    }

    @Test
    void refusedCredentialsCarryThemToo() {
        for (String authorization : new String[] {null, Http.bearer("kamea_0000000000000000_" + "B".repeat(43))}) {
            Http.Reply refused = Http.apiAs(authorization, "GET", "/devices?size=1", null);
            assertEquals(401, refused.status(), refused.body());
            assertTrue(refused.header("Content-Security-Policy").startsWith("default-src 'self'"), refused.headers().toString());
            assertEquals("nosniff", refused.header("X-Content-Type-Options"));
        }
    }
}
