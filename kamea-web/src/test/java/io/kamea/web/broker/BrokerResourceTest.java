package io.kamea.web.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Which MQTT URL the UI shows next to new credentials. */
class BrokerResourceTest {

    private final BrokerResource resource = new BrokerResource();
    private final Config config = mock(Config.class);

    BrokerResourceTest() {
        resource.config = config;
        when(config.getOptionalValue("DEVICE_MQTT_URL", String.class)).thenReturn(Optional.empty());
        when(config.getOptionalValue("MGMT_MQTT_INGESTION_URL", String.class)).thenReturn(Optional.empty());
    }

    @Test
    void devicesUseTheirOwnUrlWhenOneIsConfigured() {
        when(config.getOptionalValue("DEVICE_MQTT_URL", String.class)).thenReturn(Optional.of("ssl://mqtt.example:8883"));
        when(config.getOptionalValue("MGMT_MQTT_INGESTION_URL", String.class)).thenReturn(Optional.of("ssl://10.0.0.5:8883"));
        assertEquals("ssl://mqtt.example:8883", resource.get().mqttUrl());
    }

    @Test
    void elseTheUrlTheApiConnectsTo() {
        when(config.getOptionalValue("MGMT_MQTT_INGESTION_URL", String.class)).thenReturn(Optional.of("ssl://localhost:18843"));
        assertEquals("ssl://localhost:18843", resource.get().mqttUrl());
    }

    @Test
    void elseTheDefault() {
        assertEquals(BrokerResource.DEFAULT_URL, resource.get().mqttUrl());
    }
}
