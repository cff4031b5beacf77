package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What operators point their tools at, beside the API: the OpenAPI document and its Swagger UI,
 * MicroProfile Health (liveness, readiness of each dependency) and the application's metrics,
 * checked against the running platform.
 */
class OperatorEndpointsIT {

    private static final Set<String> READINESS_CHECKS = Set.of("database", "broker-management", "mqtt", "bus");
    private static final Set<String> TAGS = Set.of("devices", "configurations", "commands", "connectivity", "ingestion",
            "bans", "access", "audit");
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Test
    void theOpenApiDocumentDescribesEveryFeatureAndItsErrorModel() {
        Http.Reply reply = Http.server("/openapi", "application/json");
        assertEquals(200, reply.status(), reply.body());
        JsonObject document = reply.json();

        assertTrue(document.getString("openapi").startsWith("3."), document.getString("openapi"));
        assertEquals("Kamea API", document.getJsonObject("info").getString("title"));
        JsonObject paths = document.getJsonObject("paths");
        for (String path : List.of("/api/devices", "/api/devices/{id}", "/api/devices/{id}/commands",
                "/api/commands/{commandId}", "/api/devices/{id}/configurations",
                "/api/devices/{id}/configurations/desired", "/api/devices/{id}/configurations/reported",
                "/api/devices/{id}/connectivity", "/api/ingestion", "/api/ingestion/rejected",
                "/api/ingestion/rejected/{store}", "/api/ingestion/rejected/{store}/messages",
                "/api/devices/{id}/disable", "/api/devices/{id}/enable", "/api/devices/{id}/ban", "/api/bans",
                "/api/bans/{id}", "/api/session", "/api/session/password", "/api/keys", "/api/keys/{id}",
                "/api/users", "/api/users/{username}", "/api/users/{username}/role", "/api/audit")) {
            assertTrue(paths.containsKey(path), "path " + path + " in " + paths.keySet());
        }
        JsonObject problem = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
        assertEquals(Set.of("type", "title", "status", "detail"), problem.getJsonObject("properties").keySet());

        assertEquals(Set.of("apiKey", "oidcToken", "session"),
                document.getJsonObject("components").getJsonObject("securitySchemes").keySet());
        assertEquals(3, document.getJsonArray("security").size(), "any one of the three schemes, by default");

        List<String> tagNames = document.getJsonArray("tags").getValuesAs(JsonObject.class).stream()
                .map(tag -> tag.getString("name")).toList();
        assertEquals(TAGS, Set.copyOf(tagNames));
        assertEquals(TAGS.size(), tagNames.size(), "each tag once: " + tagNames);

        Set<String> operationIds = new HashSet<>();
        int errorResponses = 0;
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (Map.Entry<String, JsonValue> method : path.getValue().asJsonObject().entrySet()) {
                JsonObject operation = method.getValue().asJsonObject();
                String where = method.getKey() + " " + path.getKey();
                // login is open to anyone; Payara drops its empty security requirement
                // (@SecurityRequirementsSet({})), so its document says it by having no 401 and 403.
                boolean open = operation.getString("operationId").equals("login");
                if (open) {
                    assertFalse(operation.getJsonObject("responses").containsKey("403"), "403 of " + where);
                } else {
                    assertTrue(operation.getJsonObject("responses").containsKey("401")
                            && operation.getJsonObject("responses").containsKey("403"), "401 and 403 of " + where);
                }
                assertTrue(operationIds.add(operation.getString("operationId")), "operationId unique: " + where);
                assertFalse(operation.getString("summary", "").isBlank(), "summary of " + where);
                assertTrue(TAGS.containsAll(strings(operation, "tags")) && !strings(operation, "tags").isEmpty(),
                        "tags of " + where);
                for (Map.Entry<String, JsonValue> response : operation.getJsonObject("responses").entrySet()) {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        errorResponses++;
                        JsonObject resolved = resolve(document, response.getValue().asJsonObject());
                        assertEquals(PROBLEM, resolved.getJsonObject("content").getJsonObject("application/problem+json")
                                .getJsonObject("schema").getString("$ref"), response.getKey() + " of " + where);
                    } else if (!response.getKey().equals("204")) {
                        assertTrue(response.getValue().asJsonObject().containsKey("content")
                                || response.getValue().asJsonObject().containsKey("$ref"), response.getKey() + " of " + where);
                    }
                }
            }
        }
        assertTrue(errorResponses >= 20, "error responses documented: " + errorResponses);

        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        for (String reference : references) {
            resolve(document, reference);
        }
    }

    @Test
    void swaggerUiShowsTheDocument() {
        Http.Reply page = Http.server("/api-docs/", "text/html");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("swagger-ui-bundle.js") && page.body().contains("data-openapi-url=\"/openapi\""),
                page.body());
        Http.Reply bundle = Http.server("/api-docs/swagger-ui-bundle.js", "*/*");
        assertEquals(200, bundle.status());
        assertTrue(bundle.body().contains("SwaggerUIBundle"), "the bundle defines SwaggerUIBundle");
        Http.Reply initializer = Http.server("/api-docs/swagger-initializer.js", "*/*");
        assertEquals(200, initializer.status());
        assertTrue(initializer.body().contains("SwaggerUIBundle("), initializer.body());
    }

    @Test
    void liveAndReadyWithOneCheckPerDependency() throws Exception {
        assertTrue(Servers.waitFor(() -> Http.server("/health/ready", "application/json").status() == 200, 60),
                () -> "ready within 60 s: " + Http.server("/health/ready", "application/json").body());
        JsonObject ready = Http.server("/health/ready", "application/json").json();
        assertEquals("UP", ready.getString("status"));
        Map<String, JsonObject> checks = checks(ready);
        assertEquals(READINESS_CHECKS, checks.keySet());
        checks.forEach((name, check) -> assertEquals("UP", check.getString("status"), name));
        // open to anyone who reaches the server: UP or DOWN, no user, URL or client id
        String body = Http.server("/health/ready", "application/json").body();
        for (String secret : List.of("kamea-admin", "kamea-api", "http", "amqp", "jdbc", "tcp:", "ssl:")) {
            assertFalse(body.contains(secret), secret + " in " + body);
        }

        Http.Reply live = Http.server("/health/live", "application/json");
        assertEquals(200, live.status(), live.body());
        assertEquals("UP", live.json().getString("status"));
        assertEquals(Set.of("kamea"), checks(live.json()).keySet());
    }

    @Test
    void metricsForTheViewerRoleOnly() {
        assertEquals(401, Http.server("/metrics", "text/plain").status(), "anonymous");
        assertEquals(401, Http.server("/metrics", "text/plain", Http.bearer("kamea_0000000000000000_" + "C".repeat(43)))
                .status(), "an unknown key");
        assertEquals(401, Http.server("/metrics", "text/plain", Http.basic(Stack.ADMIN_LOGIN, Stack.ADMIN_PASSWORD))
                .status(), "another secret of the platform is no scrape credential");
        try (var keys = new ApiKeysForTests()) {
            var scraper = keys.make("viewer");
            Http.Reply scraped = Http.server("/metrics?scope=application", "text/plain", scraper.authorization());
            assertEquals(200, scraped.status(), scraped.body());
            assertTrue(scraped.body().contains("# TYPE kamea_"), "Prometheus text: " + scraped.body().lines().findFirst());
        }
    }

    @Test
    void telemetryIngestedIsCounted() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("counted"));
        int count = 25;
        double before = Metrics.value("kamea_ingestion_forwarded_total", "stream=\"telemetry\"");
        try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
            for (int i = 0; i < count; i++) {
                client.publish(device.topics().telemetry(), "{\"seq\":" + i + "}");
            }
            assertTrue(Servers.waitFor(() -> Metrics.value("kamea_ingestion_forwarded_total", "stream=\"telemetry\"")
                    >= before + count, 30), () -> "telemetry counter from " + before + " to at least " + (before + count)
                    + ", is " + Metrics.value("kamea_ingestion_forwarded_total", "stream=\"telemetry\""));
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void aTimedOutCommandIsCountedByItsOutcome() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("unanswered"));
        double before = Metrics.value("kamea_commands_completed_total", "status=\"timed-out\"");
        try {
            JsonObject command = CommandIT.send(device, "{\"name\":\"ping-" + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"timeoutSeconds\":1}", true);
            assertEquals("timed-out", command.getString("status"), command.toString());
            assertTrue(Servers.waitFor(() -> Metrics.value("kamea_commands_completed_total", "status=\"timed-out\"")
                    >= before + 1, 10), "timed-out counter grew from " + before);
        } finally {
            Devices.delete(device);
        }
        assertTrue(Metrics.value("kamea_devices_connected") >= 0);
        // the first poll comes one poll period (10 s by default) after a deployment
        assertTrue(Servers.waitFor(() -> Metrics.value("kamea_connectivity_poll_seconds_count") >= 1, 30), "polls timed");
    }

    /**
     * The bus stopped with the project's own script: readiness turns DOWN, naming the bus, while
     * the other checks stay UP; started again, it is ready again.
     */
    @Test
    void readinessIsDownWhileTheBusIsDown() throws Exception {
        assertTrue(Servers.waitFor(() -> Http.server("/health/ready", "application/json").status() == 200, 60),
                "ready before the outage");
        boolean stopped = false;
        try {
            Servers.runScript("artemis", "artemis_stop");
            stopped = true;
            assertTrue(Servers.waitFor(() -> Http.server("/health/ready", "application/json").status() == 503, 30),
                    "not ready within 30 s of the bus stopping");
            JsonObject ready = Http.server("/health/ready", "application/json").json();
            assertEquals("DOWN", ready.getString("status"));
            Map<String, JsonObject> checks = checks(ready);
            assertEquals("DOWN", checks.get("bus").getString("status"), ready.toString());
            assertFalse(checks.get("bus").getJsonObject("data").getString("error", "").isBlank(), ready.toString());
            assertEquals("UP", checks.get("database").getString("status"), ready.toString());
            assertEquals("UP", Http.server("/health/live", "application/json").json().getString("status"),
                    "a dependency down is no reason to restart the server");
        } finally {
            if (stopped) {
                Servers.runScript("artemis", "artemis_start");
            }
        }
        assertTrue(Servers.waitFor(() -> Http.server("/health/ready", "application/json").status() == 200, 60),
                () -> "ready again within 60 s of the bus starting: "
                        + Http.server("/health/ready", "application/json").body());
    }

    private static Map<String, JsonObject> checks(JsonObject health) {
        Map<String, JsonObject> checks = new HashMap<>();
        health.getJsonArray("checks").getValuesAs(JsonObject.class).forEach(c -> checks.put(c.getString("name"), c));
        return checks;
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.containsKey(key)
                ? object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
    }

    /** The object a {@code $ref} names, or the object itself if it is no reference. */
    private static JsonObject resolve(JsonObject document, JsonObject maybeReference) {
        return maybeReference.containsKey("$ref") ? resolve(document, maybeReference.getString("$ref")) : maybeReference;
    }

    private static JsonObject resolve(JsonObject document, String reference) {
        assertTrue(reference.startsWith("#/"), "local reference: " + reference);
        JsonValue target = document.getValue(reference.substring(1));
        assertTrue(target instanceof JsonObject, "reference resolves: " + reference);
        return target.asJsonObject();
    }

    private static void collectReferences(JsonValue value, List<String> references) {
        if (value instanceof JsonObject object) {
            object.forEach((key, child) -> {
                if (key.equals("$ref") && child instanceof JsonString reference) {
                    references.add(reference.getString());
                } else {
                    collectReferences(child, references);
                }
            });
        } else if (value instanceof JsonStructure structure && value.getValueType() == JsonValue.ValueType.ARRAY) {
            structure.asJsonArray().forEach(child -> collectReferences(child, references));
        }
    }
}
