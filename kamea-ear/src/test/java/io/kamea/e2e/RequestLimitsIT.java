package io.kamea.e2e;

import static io.kamea.e2e.ApiErrorsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every input of the API is hostile until checked, and every limit has a number
 * (docs/api.md, "Request limits"): a body larger than its limit is a 413, at once when it
 * declares its length and one byte past the limit when it is chunked; JSON nested too deep, a
 * page past the last one, a hostile certificate are 4xx answered at once; requests within the
 * limits still work. Expects the default limits (no KAMEA_MAX_* set).
 */
class RequestLimitsIT {

    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;
    /** What made the certificate parser quadratic: BEGIN markers, line after line, and no END. */
    private static final String BEGIN_LINE = "-----BEGIN CERTIFICATE-----\n";

    private static Devices.Provisioned device;

    @BeforeAll
    static void provision() {
        device = Devices.withPassword(Devices.uniqueName("limits"));
    }

    @AfterAll
    static void remove() {
        if (device != null) {
            Devices.delete(device);
        }
    }

    @Test
    void desiredConfigurationOfTwoMegabytesIsContentTooLargeAndNothingIsStored() {
        String document = "{\"blob\":\"" + "x".repeat(2 * MIB) + "\"}";
        int version = desiredVersion();

        JsonObject problem = assertProblem(413, assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> RawHttp.whole("PUT", desired(), document)));

        assertTrue(problem.getString("detail").contains("(KAMEA_MAX_CONFIGURATION_BYTES)"), problem.toString());
        assertEquals(version, desiredVersion(), "nothing stored");
    }

    @Test
    void hundredMegabytesDeclaredAreRefusedOnTheHeadersAlone() {
        // Only the headers are sent: the answer must not wait for the body.
        Http.Reply reply = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> RawHttp.declaredOnly("POST", "/devices", 100L * MIB));

        JsonObject problem = assertProblem(413, reply);
        assertTrue(problem.getString("detail").contains("(KAMEA_MAX_CERTIFICATE_BYTES + 4096)"), problem.toString());
    }

    @Test
    void hundredMegabytesChunkedAreRefusedOncePastTheLimit() {
        int version = desiredVersion();

        Http.Reply reply = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> RawHttp.chunked("PUT", desired(), 100L * MIB));

        JsonObject problem = assertProblem(413, reply);
        assertTrue(problem.getString("detail").contains("(KAMEA_MAX_CONFIGURATION_BYTES)"), problem.toString());
        assertEquals(version, desiredVersion(), "nothing stored");
    }

    @Test
    void hostileCertificateFieldIsAnsweredWithinASecond() {
        String twoMegabytes = selfSigned(BEGIN_LINE.repeat(2 * MIB / BEGIN_LINE.length()));
        String withinTheLimit = selfSigned(BEGIN_LINE.repeat(15 * KIB / BEGIN_LINE.length()));

        Http.Reply tooLarge = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> RawHttp.whole("POST", "/devices", twoMegabytes));
        // One that fits the limit reaches the certificate parser, which must be as quick.
        Http.Reply parsed = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> Http.api("POST", "/devices", withinTheLimit));

        assertProblem(413, tooLarge);
        JsonObject refused = assertProblem(400, parsed);
        assertTrue(refused.getString("detail").contains("holds 548 certificates"), refused.toString());
    }

    @Test
    void jsonNestedAThousandDeepIsABadRequest() {
        String deep = "[".repeat(1000) + "]".repeat(1000);

        // Bound by JSON-B to a record, and read as a JSON object by the resource.
        JsonObject bound = assertProblem(400, Http.api("POST", "/devices",
                "{\"name\":\"deep\",\"provisioning\":\"password\",\"extra\":" + deep + "}"));
        JsonObject read = assertProblem(400, Http.api("PUT", desired(), "{\"deep\":" + deep + "}"));

        for (JsonObject problem : new JsonObject[] {bound, read}) {
            assertTrue(problem.getString("detail").contains("deeper than 32 levels (KAMEA_MAX_JSON_DEPTH)"),
                    problem.toString());
        }
    }

    @Test
    void pagePastTheLastPossibleOneIsABadRequest() {
        String impossible = "?page=" + Integer.MAX_VALUE + "&size=500";

        JsonObject devices = assertProblem(400, Http.api("GET", "/devices" + impossible, null));
        assertProblem(400, Http.api("GET", "/devices/" + device.id() + "/commands" + impossible, null));

        assertTrue(devices.getString("detail").contains("page must be at most 4294967"), devices.toString());
    }

    @Test
    void requestsWithinTheLimitsStillWork() {
        // Compact, this document is just under the 32 KiB of a desired configuration.
        String document = "{\"blob\":\"" + "x".repeat(32 * KIB - 20) + "\"}";
        Http.Reply stored = Http.api("PUT", desired(), document);
        assertEquals(200, stored.status(), stored.body());

        String command = "{\"name\":\"load\",\"timeoutSeconds\":1,\"payload\":{\"blob\":\"" + "y".repeat(120 * KIB) + "\"}}";
        Http.Reply sent = Http.api("POST", "/devices/" + device.id() + "/commands", command);
        assertEquals(202, sent.status(), sent.body());

        Http.Reply lastPage = Http.api("GET", "/devices?page=" + Integer.MAX_VALUE / 500 + "&size=500", null);
        assertEquals(200, lastPage.status(), lastPage.body());
        assertEquals(0, lastPage.json().getJsonArray("items").size());
    }

    private static String desired() {
        return "/devices/" + device.id() + "/configurations/desired";
    }

    private static int desiredVersion() {
        return Http.api("GET", desired(), null).json().getInt("version");
    }

    private static String selfSigned(String certificate) {
        return Json.createObjectBuilder().add("name", Devices.uniqueName("hostile")).add("provisioning", "self-signed")
                .add("certificate", certificate).build().toString();
    }
}
