package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.UUID;

/** Provisioning through the API, as an operator does it. */
final class Devices {

    record Provisioned(String id, String name, String login, String password, JsonObject body) {

        String topic(String suffix) {
            return "device/" + login + "/" + suffix;
        }
    }

    private Devices() {
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Provisioned withPassword(String name) {
        Http.Reply reply = Http.api("POST", "/devices", "{\"name\":\"" + name + "\",\"provisioning\":\"password\"}");
        assertEquals(201, reply.status(), reply.body());
        JsonObject body = reply.json();
        JsonObject credentials = body.getJsonObject("credentials");
        return new Provisioned(body.getString("id"), body.getString("name"),
                credentials.getString("login"), credentials.getString("password"), body);
    }

    static void delete(Provisioned device) {
        Http.api("DELETE", "/devices/" + device.id(), null);
    }
}
