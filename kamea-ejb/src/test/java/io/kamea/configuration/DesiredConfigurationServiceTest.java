package io.kamea.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.kamea.broker.MqttGateway;
import io.kamea.platform.ContentTooLargeException;
import io.kamea.platform.RequestLimits;
import io.kamea.provisioning.Device;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

class DesiredConfigurationServiceTest {

    @Test
    void documentLargerThanItsLimitIsNeitherStoredNorPublished() {
        var service = new DesiredConfigurationService();
        service.em = mock(EntityManager.class);
        service.mqtt = mock(MqttGateway.class);
        service.limits = new RequestLimits(65536, 100, 131072, 16384, 32);
        var document = Json.createObjectBuilder().add("note", "x".repeat(100)).build();

        var e = assertThrows(ContentTooLargeException.class,
                () -> service.replace(Device.withPassword("valve"), document));

        assertEquals(413, e.status());
        assertEquals("The desired configuration is larger than its limit of 100 bytes (KAMEA_MAX_CONFIGURATION_BYTES)",
                e.getMessage());
        verifyNoInteractions(service.em, service.mqtt);
    }
}
