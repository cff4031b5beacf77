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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * The listing Kamea's connectivity poll makes ({@code io.kamea.connectivity.ConnectivityPoller}):
 * RabbitMQ management API {@code GET /api/connections?page=N&page_size=500&columns=name,user,vhost,connected_at&sort=name},
 * every page in turn, timed as a whole.
 */
public final class ConnectionListing {

    static final String COLUMNS = "name,user,vhost,connected_at";

    /** One full listing: connections listed (all vhosts and those of {@code vhost}), pages, JSON bytes, duration. */
    public record Result(int connections, int inVhost, int pages, long bytes, double millis) {
    }

    private final String managementUrl;
    private final String authorization;
    private final int pageSize;
    private final HttpClient http;

    /** @param managementUrl the management API's base, e.g. {@code https://localhost:15671/api} */
    public ConnectionListing(String managementUrl, String user, String password, SSLContext tls, int pageSize) {
        this.managementUrl = managementUrl.replaceAll("/+$", "");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.pageSize = pageSize;
        // one connection reused across pages, like the application's REST client
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Lists every page once. */
    public Result list(String vhost) throws IOException, InterruptedException {
        long started = System.nanoTime();
        int page = 1;
        int pages;
        int connections = 0;
        int inVhost = 0;
        long bytes = 0;
        do {
            HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl + "/connections?page=" + page
                            + "&page_size=" + pageSize + "&columns=" + COLUMNS + "&sort=name"))
                    .header("Authorization", authorization).timeout(Duration.ofSeconds(60)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET /api/connections page " + page + ": " + response.statusCode() + " " + response.body());
            }
            bytes += response.body().getBytes(StandardCharsets.UTF_8).length;
            JsonObject answer;
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                answer = reader.readObject();
            }
            pages = answer.getInt("page_count", 0);
            if (answer.containsKey("items") && answer.get("items").getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue item : answer.getJsonArray("items")) {
                    connections++;
                    if (vhost.equals(item.asJsonObject().getString("vhost", ""))) {
                        inVhost++;
                    }
                }
            }
            page++;
        } while (page <= pages);
        return new Result(connections, inVhost, Math.max(pages, 1), bytes, (System.nanoTime() - started) / 1e6);
    }
}
