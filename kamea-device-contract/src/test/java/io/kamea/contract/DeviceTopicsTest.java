package io.kamea.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The topics of the MQTT interface devices are built for (shared/spec/kamea-mqtt-interface.txt), spelled out. */
class DeviceTopicsTest {

    private final DeviceTopics topics = DeviceTopics.of("pump-1");

    @Test
    void aDeviceReadsItsDesiredConfigurationAndCommandRequests() {
        assertEquals("device/pump-1/configs/desired", topics.desiredConfiguration());
        assertEquals("device/pump-1/command/request/#", topics.commandRequests());
        assertEquals("device/pump-1/command/request/start/a61a6a71-2146-4eea-bc98-6d1058b7efc8",
                topics.commandRequest("start", "a61a6a71-2146-4eea-bc98-6d1058b7efc8"));
    }

    @Test
    void aDeviceWritesTelemetryItsReportedConfigurationAndCommandResponses() {
        assertEquals("device/pump-1/telemetries", topics.telemetry());
        assertEquals("device/pump-1/configs/reported", topics.reportedConfiguration());
        assertEquals("device/pump-1/command/response/+", topics.commandResponses());
        assertEquals("device/pump-1/command/response/a61a6a71-2146-4eea-bc98-6d1058b7efc8",
                topics.commandResponse("a61a6a71-2146-4eea-bc98-6d1058b7efc8"));
    }

    @Test
    void theDeviceIsConfinedToFiveFiltersListedReadsFirst() {
        assertEquals(List.of(
                new DeviceTopics.Topic("device/pump-1/configs/desired", DeviceTopics.Access.READ),
                new DeviceTopics.Topic("device/pump-1/command/request/#", DeviceTopics.Access.READ),
                new DeviceTopics.Topic("device/pump-1/telemetries", DeviceTopics.Access.WRITE),
                new DeviceTopics.Topic("device/pump-1/configs/reported", DeviceTopics.Access.WRITE),
                new DeviceTopics.Topic("device/pump-1/command/response/+", DeviceTopics.Access.WRITE)), topics.all());
    }

    @Test
    void filtersOverEveryDevice() {
        assertEquals("device/+/command/response/+", DeviceTopics.ofAnyDevice().commandResponses());
        assertEquals("device/+/configs/desired", DeviceTopics.ofAnyDevice().desiredConfiguration());
        assertEquals("device/pump-1/#", topics.everything());
        assertEquals("device/#", DeviceTopics.allDevices());
    }

    @Test
    void whatIsBuiltParsesBackToTheSameDeviceAndCommand() {
        assertEquals(new CommandRequestTopic("pump-1", "start", "42"),
                CommandRequestTopic.parse(topics.commandRequest("start", "42")).orElseThrow());
        assertEquals(new CommandResponseTopic("pump-1", "42"),
                CommandResponseTopic.parse(topics.commandResponse("42")).orElseThrow());
    }
}
