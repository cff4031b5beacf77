package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** API keys made by a test through the API, as this stack's admin, and revoked after it. */
final class ApiKeysForTests implements AutoCloseable {

    record Key(String id, String key) {

        String authorization() {
            return Http.bearer(key);
        }
    }

    private final List<String> made = new ArrayList<>();

    Key make(String role) {
        return make(role, null);
    }

    /** {@code expiresAt}: an ISO-8601 instant, or null for none. */
    Key make(String role, String expiresAt) {
        String body = "{\"name\":\"" + Devices.uniqueName("it-" + role) + "\",\"role\":\"" + role + "\""
                + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}";
        Http.Reply reply = Http.api("POST", "/keys", body);
        assertEquals(201, reply.status(), reply.body());
        JsonObject key = reply.json();
        made.add(key.getString("id"));
        return new Key(key.getString("id"), key.getString("key"));
    }

    void revoke(Key key) {
        Http.Reply reply = Http.api("DELETE", "/keys/" + key.id(), null);
        assertEquals(204, reply.status(), reply.body());
    }

    @Override
    public void close() {
        made.forEach(id -> Http.api("DELETE", "/keys/" + id, null));
    }
}
