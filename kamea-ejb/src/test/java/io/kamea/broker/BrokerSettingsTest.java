package io.kamea.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kamea.settings.InvalidSettingException;
import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerSettingsTest {

    private static BrokerSettings read(String... keyValues) {
        Map<String, String> config = new HashMap<>(Map.of("RMQ_LOGIN", "kamea-admin", "RMQ_PWD", "secret"));
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return StartupSettings.read(BrokerSettings::new, SettingSource.of(config));
    }

    private static String refusedKey(String... keyValues) {
        return assertThrows(InvalidSettingException.class, () -> read(keyValues)).key();
    }

    @Test
    void defaults() {
        BrokerSettings settings = read();
        assertEquals(URI.create("https://localhost:15671/api"), settings.managementUrl());
        assertEquals("kamea", settings.vhost());
        assertEquals(Optional.empty(), settings.caPath());
    }

    @Test
    void theAccountIsRequired() {
        assertEquals("RMQ_LOGIN", assertThrows(InvalidSettingException.class,
                () -> StartupSettings.read(BrokerSettings::new, SettingSource.of(Map.of("RMQ_PWD", "x")))).key());
        assertEquals("RMQ_PWD", assertThrows(InvalidSettingException.class,
                () -> StartupSettings.read(BrokerSettings::new, SettingSource.of(Map.of("RMQ_LOGIN", "x")))).key());
    }

    @Test
    void theManagementUrlIsAnHttpUrl() {
        assertEquals(URI.create("http://broker:15672/api"), read("MQTT_BROKER_URL", "http://broker:15672/api").managementUrl());
        assertEquals("MQTT_BROKER_URL", refusedKey("MQTT_BROKER_URL", "broker:15671/api"));
        assertEquals("MQTT_BROKER_URL", refusedKey("MQTT_BROKER_URL", "amqps://broker:5671"));
        assertEquals("MQTT_BROKER_URL", refusedKey("MQTT_BROKER_URL", "https://bro ker/api"));
    }

    @Test
    void theCaMustBeAFileThatCanBeRead(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "pem");
        assertEquals(Optional.of(ca.toString()), read("MQTT_CA_PATH", ca.toString()).caPath());
        assertEquals("MQTT_CA_PATH", refusedKey("MQTT_CA_PATH", dir.resolve("missing.pem").toString()));
    }
}
