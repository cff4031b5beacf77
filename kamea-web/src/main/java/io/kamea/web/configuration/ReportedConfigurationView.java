package io.kamea.web.configuration;

import io.kamea.configuration.ReportedConfiguration;
import jakarta.json.JsonObject;

/** The configuration a device last reported; version 0 and no document if it never reported. */
public record ReportedConfigurationView(String deviceId, long version, String reportedAt, JsonObject document) {

    static ReportedConfigurationView of(String deviceId, ReportedConfiguration reported) {
        if (reported == null) {
            return new ReportedConfigurationView(deviceId, 0, null, null);
        }
        return new ReportedConfigurationView(deviceId, reported.getVersion(),
                reported.getReportedAt().toInstant().toString(), Documents.parse(reported.getDocument()));
    }
}
