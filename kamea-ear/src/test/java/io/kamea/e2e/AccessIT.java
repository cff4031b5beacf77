package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, on the running stack, for every operation the OpenAPI document lists: none
 * answers an anonymous caller, a viewer writes nothing, an operator neither provisions, deletes nor
 * manages access; revoked and expired keys are refused.
 */
class AccessIT {

    /** One operation of the OpenAPI document, its path parameters filled with a name nothing has. */
    record Operation(String method, String path, String id) {

        String concretePath() {
            return path.replaceFirst("^/api", "").replaceAll("\\{[^}]+}", "no-such-thing");
        }

        boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + id + ")";
        }
    }

    private static final ApiKeysForTests KEYS = new ApiKeysForTests();
    private static List<Operation> operations;

    @BeforeAll
    static void readTheOpenApiDocument() {
        JsonObject paths = Http.server("/openapi", "application/json").json().getJsonObject("paths");
        operations = new ArrayList<>();
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                operations.add(new Operation(method.toUpperCase(), path,
                        operation.asJsonObject().getString("operationId", "")));
            }
        }));
        assertTrue(operations.size() > 30, "operations: " + operations);
    }

    @AfterAll
    static void revokeKeys() {
        KEYS.close();
    }

    @Test
    void everyOperationButLoginRefusesAnAnonymousCaller() {
        for (Operation operation : operations) {
            if (operation.id().equals("login")) {
                continue;
            }
            Http.Reply reply = Http.apiAs(null, operation.method(), operation.concretePath(),
                    operation.writes() ? "{}" : null);
            assertEquals(401, reply.status(), operation + ": " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), operation + ": " + reply.contentType());
        }
    }

    @Test
    void aViewerWritesNothing() {
        var viewer = KEYS.make("viewer");
        for (Operation operation : operations) {
            if (!operation.writes() || operation.path().startsWith("/api/session")) {
                continue;   // logging in and out, and one's own password, are everybody's
            }
            Http.Reply reply = Http.apiAs(viewer.authorization(), operation.method(), operation.concretePath(), "{}");
            assertEquals(403, reply.status(), operation + ": " + reply.body());
        }
        Http.Reply read = Http.apiAs(viewer.authorization(), "GET", "/devices?size=1", null);
        assertEquals(200, read.status(), read.body());
    }

    @Test
    void anOperatorConfiguresButNeitherProvisionsNorDeletesNorManagesAccess() {
        var operator = KEYS.make("operator");
        List<String> adminOnly = List.of("createDevice", "deleteDevice", "disableDevice", "enableDevice", "createBan",
                "deleteBan", "banDevice", "purgeRejectedStore", "listApiKeys", "createApiKey", "getApiKey",
                "revokeApiKey", "listUsers", "createUser", "getUser", "changeUserRole", "deleteUser", "searchAudit");
        for (Operation operation : operations) {
            if (adminOnly.contains(operation.id())) {
                Http.Reply reply = Http.apiAs(operator.authorization(), operation.method(), operation.concretePath(),
                        operation.writes() ? "{}" : null);
                assertEquals(403, reply.status(), operation + ": " + reply.body());
            }
        }
        var device = Devices.withPassword(Devices.uniqueName("access-operator"));
        try {
            Http.Reply configured = Http.apiAs(operator.authorization(), "PUT",
                    "/devices/" + device.id() + "/configurations/desired", "{\"mode\":\"eco\"}");
            assertEquals(200, configured.status(), configured.body());
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void changingAPasswordEndsTheUsersOtherSessionsButNotTheOneThatChangedIt() {
        var user = TestUsers.make("password-change", "viewer");
        try {
            var changing = TestUsers.session(user.username(), user.password());
            var other = TestUsers.session(user.username(), user.password());
            assertEquals(200, other.call("GET", "/session", null).status());
            String newPassword = user.password() + "-new";
            Http.Reply changed = changing.call("PUT", "/session/password",
                    "{\"currentPassword\":\"" + user.password() + "\",\"newPassword\":\"" + newPassword + "\"}");
            assertEquals(204, changed.status(), changed.body());
            assertEquals(200, changing.call("GET", "/session", null).status(), "the session that changed it goes on");
            assertEquals(401, other.call("GET", "/session", null).status(), "the other session ended");
            assertEquals(401, TestUsers.login(user.username(), user.password()).status(), "the old password is refused");
            assertEquals(200, TestUsers.login(user.username(), newPassword).status());
        } finally {
            user.delete();
        }
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        var key = KEYS.make("viewer");
        assertEquals(200, Http.apiAs(key.authorization(), "GET", "/devices?size=1", null).status());
        KEYS.revoke(key);
        Http.Reply refused = Http.apiAs(key.authorization(), "GET", "/devices?size=1", null);
        assertEquals(401, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
    }

    @Test
    void anExpiredKeyIsRefused() throws InterruptedException {
        var key = KEYS.make("viewer", Instant.now().plusSeconds(3).toString());
        assertEquals(200, Http.apiAs(key.authorization(), "GET", "/devices?size=1", null).status());
        Thread.sleep(4_000);
        Http.Reply refused = Http.apiAs(key.authorization(), "GET", "/devices?size=1", null);
        assertEquals(401, refused.status(), refused.body());
    }

    @Test
    void aKeySecretIsShownOnceAndNeverListed() {
        var key = KEYS.make("viewer");
        Http.Reply listed = Http.api("GET", "/keys?size=500", null);
        assertEquals(200, listed.status());
        assertTrue(listed.body().contains(key.id()), "the key is listed");
        String secret = key.key().substring(key.key().lastIndexOf('_') + 1);
        assertTrue(!listed.body().contains(secret), "the list holds no secret");
        assertTrue(!Http.api("GET", "/keys/" + key.id(), null).body().contains(secret));
    }
}
