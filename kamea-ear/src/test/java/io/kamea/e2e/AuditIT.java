package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit trail holds one entry per state-changing call, refused ones included, none for reads,
 * each with who, what, on what, the outcome and from where; logins are in it, failed or not; no
 * secret is; and nothing in the API can change it.
 */
class AuditIT {

    @Test
    void oneEntryPerWriteAndNoneForAReadOrASecret() {
        try (var keys = new ApiKeysForTests()) {
            var admin = keys.make("admin");
            var viewer = keys.make("viewer");
            String name = Devices.uniqueName("audit");
            Http.Reply created = Http.apiAs(admin.authorization(), "POST", "/devices",
                    "{\"name\":\"" + name + "\",\"provisioning\":\"password\"}");
            assertEquals(201, created.status(), created.body());
            String id = created.json().getString("id");
            String password = created.json().getJsonObject("credentials").getString("password");
            assertEquals(200, Http.apiAs(admin.authorization(), "GET", "/devices/" + id, null).status());
            assertEquals(200, Http.apiAs(admin.authorization(), "PUT", "/devices/" + id + "/configurations/desired",
                    "{\"mode\":\"eco\"}").status());
            assertEquals(403, Http.apiAs(viewer.authorization(), "DELETE", "/devices/" + id, null).status());
            assertEquals(204, Http.apiAs(admin.authorization(), "DELETE", "/devices/" + id, null).status());

            List<JsonObject> byAdmin = entries("identity=" + admin.id());
            assertEquals(List.of("deleteDevice 204", "replaceDesiredConfiguration 200", "createDevice 201"),
                    byAdmin.stream().map(e -> e.getString("action") + " " + e.getInt("outcome")).toList());
            JsonObject deletion = byAdmin.get(0);
            assertEquals("api-key", deletion.getString("kind"));
            assertEquals("admin", deletion.getString("role"));
            assertEquals("/api/devices/" + id, deletion.getString("target"));
            assertFalse(deletion.getString("source").isEmpty());
            assertEquals(List.of("deleteDevice 403 viewer"), entries("identity=" + viewer.id()).stream()
                    .map(e -> e.getString("action") + " " + e.getInt("outcome") + " " + e.getString("role")).toList());
            assertEquals(4, entries("target=/api/devices/" + id).size() + entries("target=/api/devices").stream()
                    .filter(e -> e.getString("identity", "").equals(admin.id())
                            && e.getString("action").equals("createDevice")).count(),
                    "the device's three writes, and its creation");

            String trail = Http.api("GET", "/audit?size=500", null).body();
            assertFalse(trail.contains(admin.key().substring(admin.key().lastIndexOf('_') + 1)), "no key secret");
            assertFalse(trail.contains(password), "no device password");
        }
    }

    @Test
    void loginsAreRecordedFailedOrNot() {
        var user = TestUsers.make("audit-user", "viewer");
        String username = user.username();
        String password = user.password();
        try {
            assertEquals(401, TestUsers.login(username, "not-the-password").status());
            assertEquals(200, TestUsers.login(username, password).status());
            List<JsonObject> logins = entries("identity=" + username);
            assertEquals(List.of("login 200", "login 401"),
                    logins.stream().map(e -> e.getString("action") + " " + e.getInt("outcome")).toList());
            String trail = Http.api("GET", "/audit?identity=" + username, null).body();
            assertFalse(trail.contains(password) || trail.contains("not-the-password"), "no password in the trail");
        } finally {
            user.delete();
        }
    }

    @Test
    void theApiCannotChangeTheTrail() {
        JsonObject newest = entries("size=1").get(0);
        for (String method : List.of("PUT", "DELETE", "POST", "PATCH")) {
            Http.Reply reply = Http.api(method, "/audit/" + newest.getInt("id"), "{}");
            assertTrue(reply.status() == 404 || reply.status() == 405, method + ": " + reply.status());
            reply = Http.api(method, "/audit", "{}");
            assertEquals(405, reply.status(), method + " /audit: " + reply.body());
        }
        assertEquals(newest, entries("identity=" + newest.getString("identity", "")).stream()
                .filter(e -> e.getInt("id") == newest.getInt("id")).findFirst().orElseThrow());
    }

    private static List<JsonObject> entries(String query) {
        Http.Reply reply = Http.api("GET", "/audit?" + query, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }
}
