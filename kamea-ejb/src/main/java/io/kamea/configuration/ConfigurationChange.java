package io.kamea.configuration;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;

/** How a configuration document differs from the previous one, key by key. */
public record ConfigurationChange(List<String> added, List<String> changed, List<String> removed) {

    public static ConfigurationChange between(JsonObject previous, JsonObject current) {
        JsonObject before = previous == null ? JsonValue.EMPTY_JSON_OBJECT : previous;
        return new ConfigurationChange(
                current.keySet().stream().filter(k -> !before.containsKey(k)).sorted().toList(),
                current.keySet().stream().filter(before::containsKey)
                        .filter(k -> !Objects.equals(before.get(k), current.get(k))).sorted().toList(),
                before.keySet().stream().filter(k -> !current.containsKey(k)).sorted().toList());
    }
}
