package io.kamea.ingestion.rabbitmq.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.ConnectionFactory;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    private static ConnectionSettings settings(String... keyValues) {
        Map<String, String> config = new HashMap<>(Map.of("RMQ_LOGIN", "kamea-admin", "RMQ_PWD", "secret"));
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return ConnectionSettings.from(config::get);
    }

    @Test
    void hostNameOnlyMeansTlsOn5671() {
        ConnectionSettings s = settings("MGMT_AMQP_INGESTION_URL", "localhost");
        assertEquals("localhost", s.host());
        assertEquals(5671, s.port());
        assertTrue(s.tls());
        assertEquals("kamea", s.virtualHost());
    }

    @Test
    void defaults() {
        ConnectionSettings s = settings();
        assertEquals("localhost", s.host());
        assertEquals(5671, s.port());
    }

    @Test
    void portKeyAndPlainAmqp() {
        assertEquals(15671, settings("MGMT_AMQP_INGESTION_PORT", "15671").port());
        ConnectionSettings plain = settings("MGMT_AMQP_INGESTION_TLS", "false");
        assertFalse(plain.tls());
        assertEquals(5672, plain.port());
    }

    @Test
    void fullUri() {
        ConnectionSettings s = settings("MGMT_AMQP_INGESTION_URL", "amqps://broker.example:6671");
        assertEquals("broker.example", s.host());
        assertEquals(6671, s.port());
        assertTrue(s.tls());
        ConnectionSettings plain = settings("MGMT_AMQP_INGESTION_URL", "amqp://broker.example");
        assertFalse(plain.tls());
        assertEquals(5672, plain.port());
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> settings("MGMT_AMQP_INGESTION_URL", "http://x:1")).getMessage().contains("MGMT_AMQP_INGESTION_URL"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> settings("MGMT_AMQP_INGESTION_PORT", "x")).getMessage().contains("MGMT_AMQP_INGESTION_PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ConnectionSettings.from(key -> null)).getMessage().contains("RMQ_LOGIN"));
    }

    @Test
    void tlsIsTrueOrFalseAndNothingElse() {
        assertTrue(settings("MGMT_AMQP_INGESTION_TLS", " TRUE ").tls());
        for (String word : new String[] {"no", "off", "0", "yes"}) {
            // before, anything but "false" meant TLS: "no" and "off" connected with TLS
            assertEquals("Invalid setting MGMT_AMQP_INGESTION_TLS: must be true or false, not '" + word + "'",
                    assertThrows(IllegalArgumentException.class, () -> settings("MGMT_AMQP_INGESTION_TLS", word)).getMessage());
        }
    }

    @Test
    void aPortOutOfRangeIsRefusedNamingWhereItCameFrom() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings("MGMT_AMQP_INGESTION_PORT", "0"))
                .getMessage().startsWith("Invalid setting MGMT_AMQP_INGESTION_PORT: "));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> settings("MGMT_AMQP_INGESTION_URL", "amqps://broker:70000")).getMessage()
                .startsWith("Invalid setting MGMT_AMQP_INGESTION_URL: "));
    }

    @Test
    void factoryRecoversAndVerifiesTheHost() {
        ConnectionFactory f = settings("RMQ_VHOST", "v").newConnectionFactory();
        assertTrue(f.isAutomaticRecoveryEnabled());
        assertTrue(f.isTopologyRecoveryEnabled());
        assertTrue(f.isSSL());
        assertEquals("v", f.getVirtualHost());
        assertFalse(settings().toString().contains("secret"), "no password in logs");
    }

    @Test
    void missingCaFileIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings("MQTT_CA_PATH", "/nonexistent/ca.pem").newConnectionFactory());
        assertTrue(e.getMessage().contains("MQTT_CA_PATH"), e.getMessage());
    }
}
