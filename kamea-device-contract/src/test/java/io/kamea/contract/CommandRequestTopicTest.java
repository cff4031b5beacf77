package io.kamea.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandRequestTopicTest {

    @Test
    void theTopicNamesTheDeviceTheCommandAndItsId() {
        assertEquals(Optional.of(new CommandRequestTopic("pump-1", "start", "a61a6a71-2146-4eea-bc98-6d1058b7efc8")),
                CommandRequestTopic.parse("device/pump-1/command/request/start/a61a6a71-2146-4eea-bc98-6d1058b7efc8"));
    }

    @Test
    void anythingElseNamesNoRequest() {
        for (String topic : new String[] {
                // wrong prefix or kind
                "devices/pump-1/command/request/start/1", "Device/pump-1/command/request/start/1",
                "device/pump-1/command/response/start/1", "device/pump-1/commands/request/start/1",
                "device/pump-1/telemetries", "/device/pump-1/command/request/start/1",
                // a level missing, or one too many
                "device/pump-1/command/request/start", "device/pump-1/command/request/start/1/2",
                "device/pump-1/command/request/start/1/", "device/command/request/start/1",
                // an empty device, name or id
                "device//command/request/start/1", "device/pump-1/command/request//1",
                "device/pump-1/command/request/start/",
                // wildcards are filters, not names
                "device/+/command/request/start/1", "device/pump-1/command/request/+/1",
                "device/pump-1/command/request/start/#", "device/pump-1/command/request/st#rt/1",
                "device/pu+mp/command/request/start/1", "device/pump-1/command/request/#",
                "", null}) {
            assertTrue(CommandRequestTopic.parse(topic).isEmpty(), String.valueOf(topic));
        }
    }
}
