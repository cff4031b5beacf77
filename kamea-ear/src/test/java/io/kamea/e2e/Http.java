package io.kamea.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A small HTTP client for the Kamea API (as this stack's admin API key unless told otherwise) and,
 * as administrator, the broker's management API.
 */
final class Http {

    record Reply(int status, String contentType, String body, java.util.Map<String, java.util.List<String>> headers) {

        Reply(int status, String contentType, String body) {
            this(status, contentType, body, java.util.Map.of());
        }

        /** The first value of a header (names in lower case, as HTTP/2 and the JDK's client give them); "" if absent. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        }

        JsonObject json() {
            return (JsonObject) parse();
        }

        JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .sslContext(Stack.tls())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {
    }

    /** A call of the Kamea API as this stack's admin (its API key, {@link Stack#API_TOKEN}). */
    static Reply api(String method, String path, String body) {
        return send(method, Stack.API + path, body, bearer(Stack.API_TOKEN));
    }

    /** A call of the Kamea API with the given Authorization header value; null: none, anonymous. */
    static Reply apiAs(String authorization, String method, String path, String body) {
        return send(method, Stack.API + path, body, authorization);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A GET on the application server outside the API ({@code /openapi}, {@code /health}...). */
    static Reply server(String path, String accept) {
        return server(path, accept, null);
    }

    /** The same with an Authorization header ({@code /metrics}: {@link #basic} with Prometheus' login), null for none. */
    static Reply server(String path, String accept, String authorization) {
        return send("GET", Stack.SERVER + path, null, authorization, "application/json", accept);
    }

    static Reply management(String method, String path, String body) {
        return send(method, Stack.MANAGEMENT_URL + path, body, basic(Stack.ADMIN_LOGIN, Stack.ADMIN_PASSWORD));
    }

    /**
     * A form POST to the Kamea API, as RabbitMQ's HTTP auth backend sends it; {@code authorization}
     * null for none.
     */
    static Reply form(String path, String form, String authorization) {
        return send("POST", Stack.API + path, form, authorization, "application/x-www-form-urlencoded", "*/*");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Reply send(String method, String url, String body, String authorization) {
        return send(method, url, body, authorization, "application/json", "application/json");
    }

    /**
     * A call of the Kamea API in a UI session: its cookie, and its CSRF token (sent on every call, as
     * the UI does on state-changing ones).
     */
    static Reply apiInSession(String cookie, String csrfToken, String method, String path, String body) {
        return send(method, Stack.API + path, body, null, "application/json", "application/json",
                Map.of("Cookie", cookie, "X-CSRF-Token", csrfToken));
    }

    private static Reply send(String method, String url, String body, String authorization, String contentType,
                              String accept) {
        return send(method, url, body, authorization, contentType, accept, Map.of());
    }

    private static Reply send(String method, String url, String body, String authorization, String contentType,
                              String accept, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", accept);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        }
    }
}
