package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/devices?search=}: by name or interface name, ignoring case, paged, filterable. */
class DeviceSearchIT {

    @Test
    void findsDevicesByNameOrInterfaceNameIgnoringCase() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        var upper = Devices.withPassword("Search-" + token.toUpperCase() + "-boiler");
        var lower = Devices.withPassword("search-" + token + "-pump");
        var other = Devices.withPassword(Devices.uniqueName("elsewhere"));
        try {
            assertEquals(List.of(lower.id(), upper.id()), ids(search(token, 50)), "newest first, both cases");
            assertEquals(List.of(upper.id()), ids(search(token.toUpperCase() + "-BOILER", 50)));

            String interfacePart = other.login().substring(9, 23);
            assertEquals(List.of(other.id()), ids(search(interfacePart.toUpperCase(), 50)), "by interface name");

            JsonObject first = search(token, 1);
            JsonObject second = Http.api("GET", "/devices?size=1&page=1&search=" + token, null).json();
            assertEquals(2, first.getInt("total"));
            assertEquals(2, second.getInt("total"));
            assertNotEquals(ids(first), ids(second), "paged");

            assertEquals(2, Http.api("GET", "/devices?connected=false&search=" + token, null).json().getInt("total"),
                    "combines with the connectivity filter");
            assertEquals(0, Http.api("GET", "/devices?connected=true&search=" + token, null).json().getInt("total"));
        } finally {
            Devices.delete(upper);
            Devices.delete(lower);
            Devices.delete(other);
        }
    }

    @Test
    void wildcardsAreLiteralAndAnOverlongSearchIsRefused() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        var device = Devices.withPassword("wildxcard-" + token);
        try {
            assertEquals(List.of(device.id()), ids(search("WILDXCARD-" + token, 50)));
            assertEquals(0, search("wild_card-" + token, 50).getInt("total"), "_ matches only a _");
            assertEquals(0, search("wild%" + token, 50).getInt("total"), "% matches only a %");

            Http.Reply tooLong = Http.api("GET", "/devices?search=" + "x".repeat(201), null);
            assertEquals(400, tooLong.status(), tooLong.body());
            assertTrue(tooLong.contentType().startsWith("application/problem+json"));
        } finally {
            Devices.delete(device);
        }
    }

    private static JsonObject search(String text, int size) {
        Http.Reply reply = Http.api("GET", "/devices?size=" + size + "&search="
                + URLEncoder.encode(text, StandardCharsets.UTF_8), null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(d -> d.getString("id")).toList();
    }
}
