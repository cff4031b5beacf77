package io.kamea.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The routing key's parsing itself is the contract's: RoutingKeysTest. */
class IncomingMessageTest {

    @Test
    void interfaceNameIsTheSecondLevelOfADeviceRoutingKey() {
        assertEquals("abc", message("device.abc.telemetries").interfaceName());
        assertNull(message("sensor.abc.telemetries").interfaceName());
        assertNull(message(null).interfaceName());
    }

    private static IncomingMessage message(String routingKey) {
        return new IncomingMessage(routingKey, new byte[0], null, Instant.now());
    }
}
