package io.kamea.web.configuration;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/** Configuration documents are stored as JSON text. */
final class Documents {

    /** Looked up once: {@code Json.create...} searches the class path for a provider at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Documents() {
    }

    /** The JSON object in a request body, or empty if the body is anything else. */
    static Optional<JsonObject> parseObject(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(value.asJsonObject()) : Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    static JsonObject parse(String json) {
        if (json == null) {
            return null;
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
