package io.kamea.web.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kamea.broker.MqttSessionSettings;
import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which MQTT URL the UI shows next to new credentials. */
class BrokerResourceTest {

    private static String shown(Map<String, String> config) {
        BrokerResource resource = new BrokerResource();
        resource.settings = StartupSettings.read(MqttSessionSettings::new, SettingSource.of(config));
        return resource.get().mqttUrl();
    }

    @Test
    void devicesUseTheirOwnUrlWhenOneIsConfigured() {
        assertEquals("ssl://mqtt.example:8883", shown(Map.of(MqttSessionSettings.DEVICE_URL, "ssl://mqtt.example:8883",
                MqttSessionSettings.URL, "ssl://10.0.0.5:8883")));
    }

    @Test
    void elseTheUrlTheApiConnectsTo() {
        assertEquals("ssl://localhost:18843", shown(Map.of(MqttSessionSettings.URL, "ssl://localhost:18843")));
    }

    @Test
    void elseTheDefault() {
        assertEquals("ssl://localhost:8883", shown(Map.of()));
    }
}
