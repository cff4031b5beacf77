package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Every bad request gets a 4xx answer with an RFC 9457 problem body saying what was wrong. */
class ApiErrorsIT {

    @Test
    void bodyThatIsNotJsonIsRejected() {
        assertProblem(400, Http.api("POST", "/devices", "{\"name\": "));
        assertProblem(400, Http.api("POST", "/devices", "[1,2]"));
    }

    @Test
    void missingOrInvalidFieldsAreRejected() {
        assertProblem(400, Http.api("POST", "/devices", "{\"provisioning\":\"password\"}"));
        assertProblem(400, Http.api("POST", "/devices", "{\"name\":\"  \",\"provisioning\":\"password\"}"));
        assertProblem(400, Http.api("POST", "/devices", "{\"name\":\"x\"}"));
        JsonObject unsupported = assertProblem(400,
                Http.api("POST", "/devices", "{\"name\":\"x\",\"provisioning\":\"carrier-pigeon\"}"));
        assertTrue(unsupported.getString("detail").contains("carrier-pigeon"));
        assertProblem(400, Http.api("POST", "/devices", "{\"name\":\"" + "n".repeat(201) + "\",\"provisioning\":\"password\"}"));
        assertProblem(400, Http.api("GET", "/devices?size=0", null));
    }

    @Test
    void duplicateNameIsAConflict() {
        var device = Devices.withPassword(Devices.uniqueName("twin"));
        try {
            assertProblem(409, Http.api("POST", "/devices",
                    "{\"name\":\"" + device.name() + "\",\"provisioning\":\"password\"}"));
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void unknownDeviceIsNotFound() {
        assertProblem(404, Http.api("GET", "/devices/no-such-device", null));
        assertProblem(404, Http.api("DELETE", "/devices/no-such-device", null));
    }

    /** The reply is a problem body of this status, with a title and a detail; returns it. */
    static JsonObject assertProblem(int status, Http.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("title").length() > 0);
        assertTrue(problem.containsKey("detail"));
        return problem;
    }
}
