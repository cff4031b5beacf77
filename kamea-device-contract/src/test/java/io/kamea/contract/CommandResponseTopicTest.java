package io.kamea.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandResponseTopicTest {

    @Test
    void theTopicNamesTheDeviceAndTheCommand() {
        assertEquals(Optional.of(new CommandResponseTopic("pump-1", "a61a6a71")),
                CommandResponseTopic.parse("device/pump-1/command/response/a61a6a71"));
    }

    @Test
    void theIdIsTakenAsItComesForThePlatformToCheck() {
        assertEquals("42", CommandResponseTopic.parse("device/pump-1/command/response/42").orElseThrow().commandId());
        assertEquals("x\nSEVERE: forged",
                CommandResponseTopic.parse("device/pump-1/command/response/x\nSEVERE: forged").orElseThrow().commandId());
    }

    @Test
    void aTopicWithAWrongPrefixOrAnEmptyMissingExtraOrWildcardLevelIsMalformed() {
        for (String topic : new String[] {
                "devices/pump-1/command/response/x", "device/pump-1/command/request/x", "device/pump-1/telemetries",
                "device/pump-1/command/responses/x", "/device/pump-1/command/response/x",
                "device/pump-1/command/response", "device/pump-1/command/response/x/y", "device/command/response/x",
                "device/pump-1/command/response/", "device//command/response/x",
                "device/+/command/response/x", "device/pump-1/command/response/+", "device/pump-1/command/response/#",
                "device/#", "device/pump-1/command/response/a+b",
                "", null}) {
            assertTrue(CommandResponseTopic.parse(topic).isEmpty(), String.valueOf(topic));
        }
    }
}
