package io.kamea.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.settings.InvalidSettingException;
import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusSettingsTest {

    private static BusSettings read(Map<String, String> config) {
        return StartupSettings.read(BusSettings::new, SettingSource.of(config));
    }

    @Test
    void defaults() {
        BusSettings settings = read(Map.of());
        assertEquals("tcp://localhost:61616", settings.url());
        assertEquals(Optional.empty(), settings.user());
        assertEquals("kamea.raw-data", settings.rawDataTopic());
        assertEquals("kamea.reported-state", settings.reportedStateTopic());
    }

    @Test
    void anyUrlArtemisReadsIsAccepted() {
        for (String url : new String[] {"tcp://127.0.0.1:61646", "tcp://bus:61616?callTimeout=5000",
                "(tcp://a:61616,tcp://b:61616)?ha=true"}) {
            assertEquals(url, read(Map.of("BUS_CONNECTION_STRING", url)).url());
        }
    }

    @Test
    void aUrlArtemisCannotReadIsRefused() {
        for (String url : new String[] {"bus:61616", "tcp//bus:61616", "http://bus:61616"}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> read(Map.of("BUS_CONNECTION_STRING", url)), url);
            assertTrue(e.getMessage().startsWith("Invalid setting BUS_CONNECTION_STRING: is not an Artemis URL"),
                    e.getMessage());
        }
    }
}
