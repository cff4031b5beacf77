package io.kamea.brokerauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kamea.settings.InvalidSettingException;
import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerAuthSettingsTest {

    private static BrokerAuthSettings read(Map<String, String> config) {
        return StartupSettings.read(BrokerAuthSettings::new, SettingSource.of(config));
    }

    @Test
    void theSecretIsOptional() {
        assertEquals(Optional.empty(), read(Map.of()).secret());
        assertEquals(Optional.of("a1.b_c~d-e"), read(Map.of("RMQ_AUTH_SECRET", "a1.b_c~d-e")).secret());
    }

    @Test
    void aSecretThatCannotTravelInAUrlIsRefusedWithoutBeingShown() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> read(Map.of("RMQ_AUTH_SECRET", "pa55+word@x")));
        assertEquals("RMQ_AUTH_SECRET", e.key());
        assertFalse(e.getMessage().contains("pa55"), e.getMessage());
    }
}
