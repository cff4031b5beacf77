package io.kamea.web.command;

import io.kamea.command.Command;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A command and its outcome. Payloads and responses are shown as JSON when they are JSON, else
 * as strings.
 */
public record CommandView(String id, String deviceId, String name, JsonValue payload, String status,
                          boolean deviceOffline, String createdAt, String deadline, String completedAt,
                          JsonValue response, JsonValue lateResponse, String lateAt) {

    /** Looked up once: {@code Json.create...} searches the class path for a provider at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static CommandView of(Command c) {
        return new CommandView(c.getId(), c.getDeviceId(), c.getName(), json(c.getPayload()),
                c.getStatus().name().toLowerCase(Locale.ROOT).replace('_', '-'), c.isDeviceOffline(),
                time(c.getCreatedAt()), time(c.getDeadline()), time(c.getCompletedAt()),
                json(c.getResponse()), json(c.getLateResponse()), time(c.getLateAt()));
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }

    private static JsonValue json(String text) {
        if (text == null) {
            return null;
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            return JSON.createValue(text);
        }
    }
}
