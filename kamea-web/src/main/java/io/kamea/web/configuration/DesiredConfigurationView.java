package io.kamea.web.configuration;

import io.kamea.configuration.DesiredConfiguration;
import jakarta.json.JsonObject;

/** The configuration operators want the device to have; version 0 and no document if none yet. */
public record DesiredConfigurationView(String deviceId, long version, String updatedAt, JsonObject document) {

    static DesiredConfigurationView of(String deviceId, DesiredConfiguration desired) {
        if (desired == null) {
            return new DesiredConfigurationView(deviceId, 0, null, null);
        }
        return new DesiredConfigurationView(deviceId, desired.getVersion(),
                desired.getUpdatedAt().toInstant().toString(), Documents.parse(desired.getDocument()));
    }
}
