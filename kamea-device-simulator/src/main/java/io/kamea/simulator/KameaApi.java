package io.kamea.simulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The few calls of the Kamea management API the simulator makes: create, list, count and delete
 * devices.
 */
public final class KameaApi {

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http;

    /**
     * @param baseUrl the API's base URL, e.g. {@code https://localhost:8081/api}
     * @param token an API key with the admin role (provisioning and deleting devices need it)
     * @param tls trusting the CA of the API's certificate (the development CA: {@link Tls#trusting})
     */
    public KameaApi(String baseUrl, String token, SSLContext tls) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = bearer(token);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The Authorization header value for an API key, refused early when there is none. */
    static String bearer(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("An API key is needed: --api-token or KAMEA_API_TOKEN (server-config/env.sh)");
        }
        return "Bearer " + token;
    }

    /** Provisions a password device; returns its credentials. */
    public DeviceCredentials createDevice(String name) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("name", name).add("provisioning", "password").build().toString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/devices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new IOException("POST /devices " + name + ": " + response.statusCode() + " " + response.body());
        }
        JsonObject device = parse(response.body());
        JsonObject credentials = device.getJsonObject("credentials");
        return new DeviceCredentials(device.getString("id"), name, credentials.getString("login"),
                credentials.getString("password"));
    }

    /** Deletes a device; a device already gone counts as deleted. */
    public void deleteDevice(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/devices/" + id)).DELETE());
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new IOException("DELETE /devices/" + id + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** Ids of the devices whose name starts with the prefix (all pages). */
    public List<String> deviceIdsNamed(String prefix) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/devices?size=500&page=" + page)).GET());
            if (response.statusCode() != 200) {
                throw new IOException("GET /devices: " + response.statusCode() + " " + response.body());
            }
            List<JsonValue> items = parse(response.body()).getJsonArray("items");
            for (JsonValue item : items) {
                JsonObject device = item.asJsonObject();
                if (device.getString("name").startsWith(prefix)) {
                    ids.add(device.getString("id"));
                }
            }
            if (items.size() < 500) {
                return ids;
            }
        }
    }

    /** The number of devices the API reports connected ({@code GET /devices?connected=true&size=1}, its total). */
    public long connectedDeviceCount() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/devices?connected=true&size=1")).GET());
        if (response.statusCode() != 200) {
            throw new IOException("GET /devices?connected=true: " + response.statusCode() + " " + response.body());
        }
        return parse(response.body()).getJsonNumber("total").longValue();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
