package io.kamea.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationChangeTest {

    @Test
    void missingKeyMeansRemoved() {
        var change = ConfigurationChange.between(json("{\"temp\":12,\"speed\":4}"), json("{\"temp\":12}"));
        assertEquals(new ConfigurationChange(List.of(), List.of(), List.of("speed")), change);
    }

    @Test
    void addedChangedAndRemovedKeysAreTold() {
        var change = ConfigurationChange.between(json("{\"a\":1,\"b\":{\"x\":1},\"c\":true}"),
                json("{\"a\":1,\"b\":{\"x\":2},\"d\":\"new\"}"));
        assertEquals(new ConfigurationChange(List.of("d"), List.of("b"), List.of("c")), change);
    }

    @Test
    void firstReportAddsEverything() {
        assertEquals(new ConfigurationChange(List.of("speed", "temp"), List.of(), List.of()),
                ConfigurationChange.between(null, json("{\"temp\":12,\"speed\":4}")));
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
