package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the application carries the browser protections: answers that succeed, problem
 * bodies, the UI's files and Swagger UI's, which alone may use inline styles and data: images.
 */
class SecurityHeadersIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

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
