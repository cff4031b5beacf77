package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.contract.CommandRequestTopic;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Commands, end to end: the API publishes the request to the device's command topic, a real
 * device answers on its response topic, the API settles the command before its deadline or
 * times it out.
 */
class CommandIT {

    @Test
    void answeredInTimeSucceedsWithTheResponse() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("pump"));
        try (var client = DeviceClient.connect(device.login(), device.login(), device.password());
             var responder = new Responder(client, device, Duration.ZERO)) {
            JsonObject command = send(device, "{\"name\":\"start\",\"payload\":{\"speed\":3},\"timeoutSeconds\":10}", true);
            assertEquals("succeeded", command.getString("status"), command.toString());
            assertEquals("start", command.getString("name"));
            assertEquals(DesiredConfigurationIT.json("{\"speed\":3}"), command.getJsonObject("payload"));
            assertEquals(command.getString("id"), command.getJsonObject("response").getString("answered"));
            assertFalse(command.getBoolean("deviceOffline"));
            assertEquals(Optional.of(new CommandRequestTopic(device.login(), "start", command.getString("id"))),
                    CommandRequestTopic.parse(responder.requests.get(0).topic()),
                    "the request topic is device/<if>/command/request/<name>/<id>");
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void unansweredTimesOutAtItsDeadlineAndALateAnswerIsKeptWithoutChangingIt() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("silent"));
        try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
            client.subscribe(device.topics().commandRequests());
            JsonObject command = send(device, "{\"name\":\"reboot\",\"timeoutSeconds\":2}", true);
            assertEquals("timed-out", command.getString("status"), command.toString());
            long late = Duration.between(Instant.parse(command.getString("deadline")),
                    Instant.parse(command.getString("completedAt"))).toMillis();
            assertTrue(late >= 0 && late <= 1000, "timed out at the deadline (+" + late + " ms)");

            var request = client.received.poll(5, TimeUnit.SECONDS);
            client.publish(device.topics().commandResponse(command.getString("id")), "{\"done\":true}");
            assertTrue(DesiredConfigurationIT.waitFor(() -> Http.api("GET", "/commands/" + command.getString("id"), null)
                    .json().containsKey("lateResponse")), "the late answer is recorded");
            JsonObject after = Http.api("GET", "/commands/" + command.getString("id"), null).json();
            assertEquals("timed-out", after.getString("status"));
            assertEquals(DesiredConfigurationIT.json("{\"done\":true}"), after.getJsonObject("lateResponse"));
            assertTrue(request != null);
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void twentyConcurrentCommandsAreEachMatchedToTheirOwnAnswer() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("busy"));
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try (var client = DeviceClient.connect(device.login(), device.login(), device.password());
             var responder = new Responder(client, device, Duration.ofMillis(50))) {
            List<CompletableFuture<JsonObject>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String body = "{\"name\":\"set\",\"payload\":{\"n\":" + i + "},\"timeoutSeconds\":20}";
                calls.add(CompletableFuture.supplyAsync(() -> send(device, body, true), callers));
            }
            for (int i = 0; i < 20; i++) {
                JsonObject command = calls.get(i).get(30, TimeUnit.SECONDS);
                assertEquals("succeeded", command.getString("status"), command.toString());
                assertEquals(command.getString("id"), command.getJsonObject("response").getString("answered"));
                assertEquals(i, command.getJsonObject("response").getJsonObject("request").getInt("n"));
            }
            JsonObject page = Http.api("GET", "/devices/" + device.id() + "/commands?size=50", null).json();
            assertEquals(20, page.getInt("total"));
        } finally {
            callers.shutdownNow();
            Devices.delete(device);
        }
    }

    @Test
    void aCommandToAnOfflineDeviceSaysSoAndBadCommandsAreRefused() {
        var device = Devices.withPassword(Devices.uniqueName("away"));
        try {
            Http.Reply accepted = Http.api("POST", "/devices/" + device.id() + "/commands", "{\"name\":\"ping\"}");
            assertEquals(202, accepted.status(), accepted.body());
            assertTrue(accepted.json().getBoolean("deviceOffline"));
            assertEquals("pending", accepted.json().getString("status"));
            assertEquals(30, Duration.between(Instant.parse(accepted.json().getString("createdAt")),
                    Instant.parse(accepted.json().getString("deadline"))).toSeconds(), "default timeout");

            for (String body : new String[] {"{\"name\":\"a/b\"}", "{\"name\":\"+\"}", "{\"name\":\"#\"}",
                    "{\"name\":\"\"}", "{}", "{\"name\":\"x\",\"timeoutSeconds\":0}",
                    "{\"name\":\"x\",\"timeoutSeconds\":301}", "{\"name\":\"x\",\"timeoutSeconds\":\"soon\"}", "[1]", "{"}) {
                Http.Reply reply = Http.api("POST", "/devices/" + device.id() + "/commands", body);
                assertEquals(400, reply.status(), body + " -> " + reply.body());
                assertTrue(reply.contentType().startsWith("application/problem+json"));
            }
            assertEquals(404, Http.api("POST", "/devices/nobody/commands", "{\"name\":\"x\"}").status());
            assertEquals(404, Http.api("GET", "/commands/nothing", null).status());
        } finally {
            Devices.delete(device);
        }
    }

    static JsonObject send(Devices.Provisioned device, String body, boolean wait) {
        Http.Reply reply = Http.api("POST", "/devices/" + device.id() + "/commands" + (wait ? "?wait=true" : ""), body);
        assertEquals(wait ? 200 : 202, reply.status(), reply.body());
        return reply.json();
    }

    /** The device side: answers each request with its id and the request payload. */
    static final class Responder implements AutoCloseable {

        final List<DeviceClient.Received> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread thread;

        Responder(DeviceClient client, Devices.Provisioned device, Duration delay) throws Exception {
            client.subscribe(device.topics().commandRequests());
            thread = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        var request = client.received.take();
                        requests.add(request);
                        String id = CommandRequestTopic.parse(request.topic()).orElseThrow().commandId();
                        Thread.sleep(delay.toMillis());
                        String payload = request.payload().isEmpty() ? "null" : request.payload();
                        client.publish(device.topics().commandResponse(id),
                                "{\"answered\":\"" + id + "\",\"request\":" + payload + "}");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "responder-" + device.login());
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
