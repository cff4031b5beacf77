package io.kamea.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The topic's parsing itself is the contract's: CommandResponseTopicTest. */
class CommandResponseReceivedTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theTopicNamesTheDeviceAndTheCommand() {
        var response = new CommandResponseReceived("device/pump-1/command/response/a61a6a71", new byte[] {1}, RECEIVED);

        assertTrue(response.wellFormed());
        assertEquals("pump-1", response.interfaceName());
        assertEquals("a61a6a71", response.commandId());
        assertEquals(1, response.attempt());
    }

    @Test
    void aMalformedTopicNamesNeitherDeviceNorCommand() {
        for (String topic : new String[] {"device/pump-1/command/response/", "device/pump-1/command/response/x/y", null}) {
            var response = new CommandResponseReceived(topic, new byte[0], RECEIVED);
            assertFalse(response.wellFormed(), String.valueOf(topic));
            assertNull(response.interfaceName());
            assertNull(response.commandId());
        }
    }

    @Test
    void theNextAttemptIsTheSameMessageReceivedAtTheSameTimeWithNoRetryAskedYet() {
        byte[] payload = {1, 2};
        var first = new CommandResponseReceived("device/a/command/response/b", payload, RECEIVED);
        first.retryIn(Duration.ofSeconds(1));

        var second = first.nextAttempt();

        assertEquals(2, second.attempt());
        assertSame(payload, second.payload());
        assertEquals(RECEIVED, second.receivedAt());
        assertEquals(Duration.ofSeconds(1), first.retryRequested());
        assertNull(second.retryRequested());
    }
}
