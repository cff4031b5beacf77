package io.kamea.web.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kamea.contract.DeviceTopics;
import io.kamea.provisioning.Device;
import io.kamea.provisioning.DeviceDisabling;
import io.kamea.provisioning.DeviceStatus;
import io.kamea.provisioning.ProvisioningType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Disable and enable answer with the device, whose view says whether and since when it is disabled. */
class DeviceDisablingResourcesTest {

    private final DeviceDisabling disabling = mock(DeviceDisabling.class);

    @Test
    void disablingAnswersWithTheDisabledDevice() throws Exception {
        var resource = new DeviceDisableResource();
        resource.disabling = disabling;
        Device disabled = device(OffsetDateTime.parse("2030-01-02T03:04:05Z"));
        when(disabling.disable("d-1")).thenReturn(disabled);

        DeviceView view = resource.disable("d-1");

        assertTrue(view.disabled());
        assertEquals("2030-01-02T03:04:05Z", view.disabledAt());
        assertEquals("pending", view.status(), "disabling leaves the approval where it was");
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(view);
            assertTrue(json.contains("\"disabled\":true,\"disabledAt\":\"2030-01-02T03:04:05Z\""), json);
        }
    }

    @Test
    void enablingAnswersWithTheEnabledDevice() throws Exception {
        var resource = new DeviceEnableResource();
        resource.disabling = disabling;
        Device enabled = device(null);
        when(disabling.enable("d-1")).thenReturn(enabled);

        DeviceView view = resource.enable("d-1");

        assertFalse(view.disabled());
        assertNull(view.disabledAt());
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(view);
            assertTrue(json.contains("\"disabled\":false") && !json.contains("disabledAt"), json);
        }
    }

    private static Device device(OffsetDateTime disabledAt) {
        Device device = mock(Device.class);
        when(device.getId()).thenReturn("d-1");
        when(device.getName()).thenReturn("sensor-17");
        when(device.getInterfaceName()).thenReturn("sensor-17");
        when(device.getProvisioning()).thenReturn(ProvisioningType.AUTO);
        when(device.getStatus()).thenReturn(DeviceStatus.PENDING);
        when(device.isDisabled()).thenReturn(disabledAt != null);
        when(device.getDisabledAt()).thenReturn(disabledAt);
        when(device.getCodec()).thenReturn("json");
        when(device.getCreatedAt()).thenReturn(OffsetDateTime.parse("2030-01-01T00:00:00Z"));
        when(device.topics()).thenReturn(DeviceTopics.of("sensor-17"));
        return device;
    }
}
