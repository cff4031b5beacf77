package io.kamea.web.configuration;

import io.kamea.configuration.DesiredConfiguration;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The configuration operators want the device to have; version 0 and no document if none yet. */
@Schema(name = "DesiredConfiguration", description = "The configuration operators want the device to have")
public record DesiredConfigurationView(
        String deviceId,
        @Schema(description = "Increases with each replacement; 0 if none was set", format = "int64") long version,
        @Schema(description = "ISO-8601, UTC; absent if none was set") String updatedAt,
        @Schema(type = SchemaType.OBJECT, description = "The whole configuration; absent if none was set")
        JsonObject document) {

    static DesiredConfigurationView of(String deviceId, DesiredConfiguration desired) {
        if (desired == null) {
            return new DesiredConfigurationView(deviceId, 0, null, null);
        }
        return new DesiredConfigurationView(deviceId, desired.getVersion(),
                desired.getUpdatedAt().toInstant().toString(), Documents.parse(desired.getDocument()));
    }
}
