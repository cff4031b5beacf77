package io.kamea.connectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kamea.settings.InvalidSettingException;
import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectivitySettingsTest {

    private static ConnectivitySettings read(Map<String, String> config) {
        return StartupSettings.read(ConnectivitySettings::new, SettingSource.of(config));
    }

    private static String refused(String key, String value) {
        return assertThrows(InvalidSettingException.class, () -> read(Map.of(key, value))).getMessage();
    }

    @Test
    void defaults() {
        ConnectivitySettings settings = read(Map.of());
        assertEquals(Duration.ofSeconds(10), settings.pollPeriod());
        assertEquals(500, settings.pageSize());
        assertEquals(100, settings.historySize());
    }

    @Test
    void valuesOutOfRangeAreRefusedRatherThanClamped() {
        assertEquals("Invalid setting CONNECTIVITY_POLL_SECONDS: must be from 1 to 3600, not 0",
                refused("CONNECTIVITY_POLL_SECONDS", "0"));
        assertEquals("Invalid setting CONNECTIVITY_POLL_SECONDS: must be from 1 to 3600, not -10",
                refused("CONNECTIVITY_POLL_SECONDS", "-10"));
        assertEquals("Invalid setting CONNECTIVITY_POLL_PAGE_SIZE: must be from 1 to 5000, not 5001",
                refused("CONNECTIVITY_POLL_PAGE_SIZE", "5001"));
        assertEquals("Invalid setting CONNECTIVITY_HISTORY_SIZE: must be from 1, not 0", refused("CONNECTIVITY_HISTORY_SIZE", "0"));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        ConnectivitySettings settings = read(Map.of("CONNECTIVITY_POLL_SECONDS", "3600",
                "CONNECTIVITY_POLL_PAGE_SIZE", "5000", "CONNECTIVITY_HISTORY_SIZE", "1"));
        assertEquals(Duration.ofHours(1), settings.pollPeriod());
        assertEquals(5000, settings.pageSize());
        assertEquals(1, settings.historySize());
    }
}
