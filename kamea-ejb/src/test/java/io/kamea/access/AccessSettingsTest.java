package io.kamea.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kamea.settings.InvalidSettingException;
import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessSettingsTest {

    private static AccessSettings read(Map<String, String> config) {
        return StartupSettings.read(AccessSettings::new, SettingSource.of(config));
    }

    @Test
    void defaultsAreTheDocumentedNumbers() {
        AccessSettings settings = read(Map.of());
        assertEquals(Optional.empty(), settings.adminPassword());
        assertEquals(5, settings.maxFailuresPerUser());
        assertEquals(30, settings.maxFailuresPerSource());
        assertEquals(Duration.ofMinutes(10), settings.failureWindow());
        assertEquals(Duration.ofMinutes(1), settings.lockout());
    }

    @Test
    void aBlankAdminPasswordIsNoPassword() {
        assertEquals(Optional.empty(), read(Map.of("KAMEA_ADMIN_PASSWORD", " ")).adminPassword());
    }

    @Test
    void limitsMustBePositive() {
        for (String key : new String[] {"KAMEA_LOGIN_MAX_FAILURES_PER_USER", "KAMEA_LOGIN_MAX_FAILURES_PER_SOURCE",
                "KAMEA_LOGIN_FAILURE_WINDOW_SECONDS", "KAMEA_LOGIN_LOCKOUT_SECONDS"}) {
            assertEquals(key, assertThrows(InvalidSettingException.class, () -> read(Map.of(key, "0"))).key());
            assertEquals(key, assertThrows(InvalidSettingException.class, () -> read(Map.of(key, "-60"))).key());
        }
    }

    @Test
    void aLockoutTooLongForTheClockIsRefused() {
        assertEquals("KAMEA_LOGIN_LOCKOUT_SECONDS", assertThrows(InvalidSettingException.class,
                () -> read(Map.of("KAMEA_LOGIN_LOCKOUT_SECONDS", "" + Long.MAX_VALUE))).key());
    }
}
