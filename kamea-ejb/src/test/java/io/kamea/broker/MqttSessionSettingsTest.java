package io.kamea.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.settings.InvalidSettingException;
import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttSessionSettingsTest {

    private static MqttSessionSettings read(Map<String, String> config) {
        return StartupSettings.read(MqttSessionSettings::new, SettingSource.of(config));
    }

    @Test
    void defaults() {
        MqttSessionSettings settings = read(Map.of());
        assertFalse(settings.enabled(), "off unless asked for");
        assertEquals("ssl://localhost:8883", settings.url());
        assertEquals("ssl://localhost:8883", settings.deviceUrl());
        assertEquals("kamea-api", settings.clientId());
        assertEquals("kamea-api", settings.login());
        assertEquals("", settings.password());
    }

    @Test
    void useMqttIsABoolean() {
        assertTrue(read(Map.of("USE_MQTT", "true")).enabled());
        assertFalse(read(Map.of("USE_MQTT", "false")).enabled());
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> read(Map.of("USE_MQTT", "yes")));
        assertEquals("Invalid setting USE_MQTT: must be true or false, not 'yes'", e.getMessage());
    }

    @Test
    void theApisUrlMustBeOnePahoConnectsTo() {
        assertEquals("ssl://broker:8883", read(Map.of("MGMT_MQTT_INGESTION_URL", "ssl://broker:8883")).url());
        assertEquals("MGMT_MQTT_INGESTION_URL", assertThrows(InvalidSettingException.class,
                () -> read(Map.of("MGMT_MQTT_INGESTION_URL", "mqtts://broker:8883"))).key());
        assertEquals("MGMT_MQTT_INGESTION_URL", assertThrows(InvalidSettingException.class,
                () -> read(Map.of("MGMT_MQTT_INGESTION_URL", "broker:8883"))).key());
    }

    @Test
    void devicesMayHaveTheirOwnUrlOfAnyScheme() {
        MqttSessionSettings settings = read(Map.of("MGMT_MQTT_INGESTION_URL", "ssl://10.0.0.5:8883",
                "DEVICE_MQTT_URL", "mqtts://mqtt.example:8883"));
        assertEquals("mqtts://mqtt.example:8883", settings.deviceUrl());
        assertEquals("DEVICE_MQTT_URL", assertThrows(InvalidSettingException.class,
                () -> read(Map.of("DEVICE_MQTT_URL", "mqtt.example:8883"))).key());
    }
}
