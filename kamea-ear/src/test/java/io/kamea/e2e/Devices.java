package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kamea.contract.DeviceTopics;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;

/** Provisioning through the API, as an operator does it. */
final class Devices {

    record Provisioned(String id, String name, String login, String password, JsonObject body) {

        DeviceTopics topics() {
            return DeviceTopics.of(login);
        }

        /** The five topics every device gets, with their rights, as the product description lists them. */
        Map<String, String> expectedTopics() {
            DeviceTopics topics = topics();
            return Map.of(
                    topics.desiredConfiguration(), "read",
                    topics.commandRequests(), "read",
                    topics.telemetry(), "write",
                    topics.reportedConfiguration(), "write",
                    topics.commandResponses(), "write");
        }

        /** The topics and rights the API answered with. */
        Map<String, String> shownTopics() {
            return body.getJsonArray("topics").getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.toMap(t -> t.getString("topic"), t -> t.getString("access")));
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

    /** A certificate device: no credentials, its login is the common name. */
    static Provisioned withCertificate(String name, String commonName) {
        Http.Reply reply = certificateRequest(name, commonName);
        assertEquals(201, reply.status(), reply.body());
        JsonObject body = reply.json();
        return new Provisioned(body.getString("id"), body.getString("name"), body.getString("interfaceName"), null, body);
    }

    /** A self-signed device: no credentials, its login is the uploaded certificate's common name. */
    static Provisioned withSelfSignedCertificate(String name, String pem) {
        Http.Reply reply = selfSignedRequest(name, pem);
        assertEquals(201, reply.status(), reply.body());
        JsonObject body = reply.json();
        return new Provisioned(body.getString("id"), body.getString("name"), body.getString("interfaceName"), null, body);
    }

    static Http.Reply selfSignedRequest(String name, String pem) {
        return Http.api("POST", "/devices", Json.createObjectBuilder().add("name", name)
                .add("provisioning", "self-signed").add("certificate", pem).build().toString());
    }

    static Http.Reply certificateRequest(String name, String commonName) {
        String cn = commonName == null ? "" : ",\"commonName\":" + Json.createValue(commonName);
        return Http.api("POST", "/devices", "{\"name\":\"" + name + "\",\"provisioning\":\"certificate\"" + cn + "}");
    }

    /** Removes the devices whose interface name is one of these (left over by an earlier run). */
    static void deleteByInterfaceName(String... interfaceNames) {
        var wanted = java.util.Set.of(interfaceNames);
        for (JsonObject device : Http.api("GET", "/devices?size=500", null).json()
                .getJsonArray("items").getValuesAs(JsonObject.class)) {
            if (wanted.contains(device.getString("interfaceName"))) {
                Http.api("DELETE", "/devices/" + device.getString("id"), null);
            }
        }
    }

    /** The device the broker knows by this name, among the 500 newest. */
    static java.util.Optional<JsonObject> findByInterfaceName(String interfaceName) {
        return Http.api("GET", "/devices?size=500", null).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("interfaceName").equals(interfaceName))
                .findFirst();
    }

    static void delete(Provisioned device) {
        Http.api("DELETE", "/devices/" + device.id(), null);
    }
}
