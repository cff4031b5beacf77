package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Command state is durable: deadlines and answers are honoured across an application server restart. */
class CommandRestartIT {

    @Test
    void pendingCommandsTimeOutOrCompleteAfterTheApplicationServerRestarts() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("patient"));
        try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
            client.subscribe(device.topics().commandRequests());
            JsonObject answered = CommandIT.send(device, "{\"name\":\"calibrate\",\"timeoutSeconds\":240}", false);
            JsonObject expiring = CommandIT.send(device, "{\"name\":\"blink\",\"timeoutSeconds\":5}", false);
            assertTrue(client.received.poll(5, TimeUnit.SECONDS) != null, "the device got its requests");

            Servers.restartApplicationServer();

            // The short deadline passed while the server was down: timed out at start-up.
            JsonObject timedOut = Http.api("GET", "/commands/" + expiring.getString("id"), null).json();
            assertTrue(Servers.waitFor(() -> !"pending".equals(status(expiring)), 10), "the deadline was re-armed");
            timedOut = Http.api("GET", "/commands/" + expiring.getString("id"), null).json();
            assertEquals("timed-out", timedOut.getString("status"));
            assertTrue(!Instant.parse(timedOut.getString("completedAt")).isBefore(Instant.parse(timedOut.getString("deadline"))));

            // The long one is still open, and the device's answer completes it.
            assertEquals("pending", status(answered));
            client.publish(device.topics().commandResponse(answered.getString("id")), "{\"offset\":0.4}");
            assertTrue(Servers.waitFor(() -> "succeeded".equals(status(answered)), 15), "answered after the restart");
            assertEquals(0.4, Http.api("GET", "/commands/" + answered.getString("id"), null).json()
                    .getJsonObject("response").getJsonNumber("offset").doubleValue());
        } finally {
            Devices.delete(device);
        }
    }

    private static String status(JsonObject command) {
        return Http.api("GET", "/commands/" + command.getString("id"), null).json().getString("status");
    }
}
