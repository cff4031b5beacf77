package io.kamea.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RoutingKeysTest {

    @Test
    void theMqttPluginTurnsLevelsIntoSegmentsAndThePlusIntoAStar() {
        assertEquals("device.abc.telemetries", RoutingKeys.of(DeviceTopics.of("abc").telemetry()));
        assertEquals("device.*.telemetries", RoutingKeys.of(DeviceTopics.ofAnyDevice().telemetry()));
        assertEquals("device.*.configs.reported", RoutingKeys.of(DeviceTopics.ofAnyDevice().reportedConfiguration()));
        assertEquals("device.abc.command.request.#", RoutingKeys.of(DeviceTopics.of("abc").commandRequests()));
        assertEquals("device.abc.#", RoutingKeys.of(DeviceTopics.of("abc").everything()));
    }

    @Test
    void interfaceNameIsTheSecondSegmentOfADeviceRoutingKey() {
        assertEquals("abc", RoutingKeys.interfaceName("device.abc.telemetries"));
        assertEquals("abc", RoutingKeys.interfaceName("device.abc.configs.reported"));
        assertEquals("abc", RoutingKeys.interfaceName("device.abc."));
        assertNull(RoutingKeys.interfaceName("device..telemetries"));
        assertNull(RoutingKeys.interfaceName("sensor.abc.telemetries"));
        assertNull(RoutingKeys.interfaceName("devices.abc.telemetries"));
        assertNull(RoutingKeys.interfaceName("device.abc"));
        assertNull(RoutingKeys.interfaceName("device"));
        assertNull(RoutingKeys.interfaceName(""));
        assertNull(RoutingKeys.interfaceName(null));
    }
}
