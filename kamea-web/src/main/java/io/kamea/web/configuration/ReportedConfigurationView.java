package io.kamea.web.configuration;

import io.kamea.configuration.ReportedConfiguration;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The configuration a device last reported; version 0 and no document if it never reported. */
@Schema(name = "ReportedConfiguration", description = "The configuration the device last reported")
public record ReportedConfigurationView(
        String deviceId,
        @Schema(description = "How many reports the device made; 0 if it never reported", format = "int64")
        long version,
        @Schema(description = "ISO-8601, UTC; absent if it never reported") String reportedAt,
        @Schema(type = SchemaType.OBJECT, description = "The whole reported configuration; absent if none")
        JsonObject document) {

    static ReportedConfigurationView of(String deviceId, ReportedConfiguration reported) {
        if (reported == null) {
            return new ReportedConfigurationView(deviceId, 0, null, null);
        }
        return new ReportedConfigurationView(deviceId, reported.getVersion(),
                reported.getReportedAt().toInstant().toString(), Documents.parse(reported.getDocument()));
    }
}
