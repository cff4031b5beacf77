package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * OIDC bearer tokens of a real provider: the test Keycloak that server-config/test.sh starts
 * (server-config/lib/keycloak.sh, realms kamea and other), the application pointed at its realm
 * kamea (KAMEA_OIDC=true in env.sh). Each role's token opens what the role may do and no more;
 * tokens of another realm, for another client or expired are refused with a 401 problem.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcTokensIT {

    private static final String KEYCLOAK = env("KEYCLOAK_URL", "http://127.0.0.1:18180");
    private static final int CLOCK_SKEW_SECONDS = Integer.parseInt(env("KAMEA_OIDC_CLOCK_SKEW_SECONDS", "30"));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A token of the 2-second client, taken first: it has expired when the last test uses it. */
    private static String shortLived;
    private static long shortLivedExpiry;

    @BeforeAll
    static void provider() {
        assumeTrue(System.getenv("OIDC_ADMIN_PASSWORD") != null,
                "no test Keycloak (server-config/test.sh starts it and passes its users' passwords)");
        JsonObject answer = tokenAnswer("kamea", "kamea-short", "oidc-operator", password("OIDC_OPERATOR_PASSWORD"));
        shortLived = answer.getString("access_token");
        shortLivedExpiry = claims(shortLived).getJsonNumber("exp").longValue();
    }

    @Test
    @Order(1)
    void keycloakIssuesWhatKameaExpects() {
        JsonObject admin = claims(token("kamea", "kamea-api", "oidc-admin", "OIDC_ADMIN_PASSWORD"));
        assertEquals(KEYCLOAK + "/realms/kamea", admin.getString("iss"));
        assertTrue(admin.get("aud").toString().contains("\"kamea-api\""), admin.toString());
        assertTrue(admin.getJsonArray("groups").toString().contains("\"kamea-admin\""), admin.toString());
        assertEquals(env("KAMEA_OIDC_ISSUER", KEYCLOAK + "/realms/kamea"), admin.getString("iss"),
                "the application's issuer setting");
        JsonObject other = claims(token("kamea", "kamea-other", "oidc-operator", "OIDC_OPERATOR_PASSWORD"));
        assertFalse(String.valueOf(other.get("aud")).contains("kamea-api"), other.toString());
        JsonObject otherRealm = claims(token("other", "kamea-api", "oidc-admin", "OIDC_ADMIN_PASSWORD"));
        assertEquals(KEYCLOAK + "/realms/other", otherRealm.getString("iss"));
        JsonObject shortClaims = claims(shortLived);
        assertTrue(shortClaims.getJsonNumber("exp").longValue() - shortClaims.getJsonNumber("iat").longValue() <= 5,
                shortClaims.toString());
    }

    @Test
    @Order(2)
    void aViewerReadsButDoesNotProvision() {
        String viewer = bearer("kamea", "kamea-api", "oidc-viewer", "OIDC_VIEWER_PASSWORD");
        Http.Reply list = Http.apiAs(viewer, "GET", "/devices?size=1", null);
        assertEquals(200, list.status(), list.body());
        Http.Reply provision = Http.apiAs(viewer, "POST", "/devices",
                "{\"name\":\"" + Devices.uniqueName("oidc-viewer") + "\",\"provisioning\":\"password\"}");
        assertProblem(403, provision);
    }

    @Test
    @Order(3)
    void anAdminProvisionsAnOperatorConfiguresAndTheAdminDeletes() {
        String admin = bearer("kamea", "kamea-api", "oidc-admin", "OIDC_ADMIN_PASSWORD");
        String operator = bearer("kamea", "kamea-api", "oidc-operator", "OIDC_OPERATOR_PASSWORD");
        Http.Reply created = Http.apiAs(admin, "POST", "/devices",
                "{\"name\":\"" + Devices.uniqueName("oidc") + "\",\"provisioning\":\"password\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        try {
            Http.Reply desired = Http.apiAs(operator, "PUT", "/devices/" + id + "/configurations/desired",
                    "{\"interval\":30}");
            assertEquals(200, desired.status(), desired.body());
            assertProblem(403, Http.apiAs(operator, "POST", "/devices",
                    "{\"name\":\"" + Devices.uniqueName("oidc-operator") + "\",\"provisioning\":\"password\"}"));
            assertProblem(403, Http.apiAs(operator, "DELETE", "/devices/" + id, null));
        } finally {
            Http.Reply deleted = Http.apiAs(admin, "DELETE", "/devices/" + id, null);
            assertEquals(204, deleted.status(), deleted.body());
        }
    }

    @Test
    @Order(4)
    void aUserWithoutAKameaGroupIsForbidden() {
        assertProblem(403, Http.apiAs(bearer("kamea", "kamea-api", "oidc-nobody", "OIDC_NOBODY_PASSWORD"),
                "GET", "/devices?size=1", null));
    }

    @Test
    @Order(5)
    void anotherRealmsTokenIsRefused() {
        assertProblem(401, Http.apiAs(bearer("other", "kamea-api", "oidc-admin", "OIDC_ADMIN_PASSWORD"),
                "GET", "/devices?size=1", null));
    }

    @Test
    @Order(6)
    void anotherClientsTokenIsRefused() {
        assertProblem(401, Http.apiAs(bearer("kamea", "kamea-other", "oidc-operator", "OIDC_OPERATOR_PASSWORD"),
                "GET", "/devices?size=1", null));
    }

    @Test
    @Order(7)
    void aTamperedOrMalformedTokenIsRefused() {
        String token = token("kamea", "kamea-api", "oidc-viewer", "OIDC_VIEWER_PASSWORD");
        String[] parts = token.split("\\.");
        String admin = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims(token).toString().replace("\"kamea-viewer\"", "\"kamea-admin\"").getBytes(StandardCharsets.UTF_8));
        assertProblem(401, Http.apiAs("Bearer " + parts[0] + "." + admin + "." + parts[2], "GET", "/devices?size=1", null));
        assertProblem(401, Http.apiAs("Bearer not-a-token", "GET", "/devices?size=1", null));
    }

    @Test
    @Order(100)
    void anExpiredTokenIsRefused() throws InterruptedException {
        long waitMillis = (shortLivedExpiry + CLOCK_SKEW_SECONDS + 1) * 1000 - System.currentTimeMillis();
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        assertProblem(401, Http.apiAs("Bearer " + shortLived, "GET", "/devices?size=1", null));
    }

    private static void assertProblem(int status, Http.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"), reply.body());
    }

    private static String bearer(String realm, String client, String user, String passwordVariable) {
        return "Bearer " + token(realm, client, user, passwordVariable);
    }

    private static String token(String realm, String client, String user, String passwordVariable) {
        return tokenAnswer(realm, client, user, password(passwordVariable)).getString("access_token");
    }

    /** The resource owner password grant: the test users' passwords, straight to the token endpoint. */
    private static JsonObject tokenAnswer(String realm, String client, String user, String password) {
        String form = "grant_type=password&scope=openid&client_id=" + encode(client) + "&username=" + encode(user)
                + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> answer = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), realm + "/" + client + "/" + user + ": " + answer.body());
            return parse(answer.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak at " + KEYCLOAK + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The token's payload, unverified (the test reads what Keycloak put in it). */
    private static JsonObject claims(String jwt) {
        return parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String password(String variable) {
        String value = System.getenv(variable);
        assumeTrue(value != null, variable + " is not set");
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
