package io.kamea.web.configuration;

import io.kamea.configuration.DesiredConfiguration;
import io.kamea.configuration.KeyState;
import io.kamea.configuration.ReportedConfiguration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Desired and reported side by side, and per key: {@code in-sync}, {@code pending} or {@code drifted}. */
public record ConfigurationsView(DesiredConfigurationView desired, ReportedConfigurationView reported,
                                 Map<String, String> keys) {

    static ConfigurationsView of(String deviceId, DesiredConfiguration desired, ReportedConfiguration reported) {
        var desiredView = DesiredConfigurationView.of(deviceId, desired);
        var reportedView = ReportedConfigurationView.of(deviceId, reported);
        Map<String, String> keys = new TreeMap<>();
        KeyState.compare(desiredView.document(), desired == null ? null : desired.getUpdatedAt(),
                        reportedView.document(), reported == null ? null : reported.getReportedAt())
                .forEach((key, state) -> keys.put(key, state.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        return new ConfigurationsView(desiredView, reportedView, keys);
    }
}
