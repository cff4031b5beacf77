package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.contract.CommandRequestTopic;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/**
 * A device's MQTT client id is its login. RabbitMQ gives a client id to the newest connection and
 * closes the one that held it; a device asking for the API's client id or another device's is
 * refused at CONNECT (not authorised), and whoever holds the id stays connected.
 */
class DeviceClientIdIT {

    private static final String API_LOGIN = System.getenv().getOrDefault("MQTT_API_LOGIN", "kamea-api");
    private static final String API_CLIENT_ID = System.getenv().getOrDefault("MQTT_API_CLIENT_ID", "kamea-api");
    private static final int ATTEMPTS = 100;

    @Test
    void takingTheApisOrAnotherDevicesClientIdIsRefusedAndKnocksNobodyOff() throws Exception {
        var intruder = Devices.withPassword(Devices.uniqueName("intruder"));
        var victim = Devices.withPassword(Devices.uniqueName("victim"));
        try (var victimClient = DeviceClient.connect(victim.login(), victim.login(), victim.password())) {
            victimClient.subscribe(victim.topics().commandRequests());
            assertTrue(Servers.waitFor(() -> connected(victim), 30), "the victim is seen connected");
            Set<String> apiConnections = apiConnections();
            assertFalse(apiConnections.isEmpty(), "the API's MQTT session is up");
            int victimHistory = history(victim);

            // a command is pending while the intruder tries (200 refused connections take ~2 min here)
            JsonObject pending = CommandIT.send(victim, "{\"name\":\"ping\",\"timeoutSeconds\":300}", false);
            var request = victimClient.received.poll(30, TimeUnit.SECONDS);
            assertTrue(request != null && CommandRequestTopic.parse(request.topic())
                            .filter(r -> r.interfaceName().equals(victim.login()) && r.commandName().equals("ping")).isPresent(),
                    "the victim received the request: " + request);

            int notAuthorised = 0;
            for (int i = 0; i < ATTEMPTS; i++) {
                for (String stolen : List.of(API_CLIENT_ID, victim.login())) {
                    MqttException refused = assertThrows(MqttException.class,
                            () -> DeviceClient.connect(stolen, intruder.login(), intruder.password()).close(),
                            "client id " + stolen + " taken by " + intruder.login());
                    // CONNACK 5; now and then Paho sees the broker close the socket before it reads the CONNACK
                    assertTrue(refused.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED
                            || refused.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST, refused.toString());
                    notAuthorised += refused.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED ? 1 : 0;
                }
            }
            assertTrue(notAuthorised > ATTEMPTS, "mostly answered CONNACK 5 (not authorised): " + notAuthorised);

            assertFalse(victimClient.droppedWithin(0), "the victim's connection was never closed");
            assertEquals(apiConnections, apiConnections(), "the API's MQTT connection is the one it had");
            String id = CommandRequestTopic.parse(request.topic()).orElseThrow().commandId();
            victimClient.publish(victim.topics().commandResponse(id), "{\"pong\":true}");
            String path = "/commands/" + pending.getString("id");
            assertTrue(Servers.waitFor(() -> !"pending".equals(Http.api("GET", path, null).json().getString("status")), 30),
                    "the command settled");
            JsonObject settled = Http.api("GET", path, null).json();
            assertEquals("succeeded", settled.getString("status"), settled.toString());
            assertEquals(victimHistory, history(victim), "no connectivity transition recorded for the victim");

            // the intruder itself, with its own login as client id, still connects
            try (var own = DeviceClient.connect(intruder.login(), intruder.login(), intruder.password())) {
                assertEquals(1, own.subscribe(intruder.topics().desiredConfiguration()));
            }
        } finally {
            Devices.delete(intruder);
            Devices.delete(victim);
        }
    }

    /**
     * A device speaks MQTT only: with its own login and password, an AMQPS connection to the
     * devices' virtual host is refused (control: the same credentials connect over MQTTS).
     */
    @Test
    void aDeviceGetsNoAmqpConnection() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("amqp"));
        try {
            var factory = new com.rabbitmq.client.ConnectionFactory();
            factory.setHost("localhost");
            factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RMQ_AMQPS_PORT", "5671")));
            factory.setVirtualHost(Stack.VHOST);
            factory.setUsername(device.login());
            factory.setPassword(device.password());
            factory.useSslProtocol(Stack.tls());
            factory.setConnectionTimeout(10_000);
            factory.setAutomaticRecoveryEnabled(false);
            Exception refused = assertThrows(Exception.class, () -> factory.newConnection("device-over-amqp").close());
            StringBuilder reasons = new StringBuilder();
            for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                reasons.append(cause).append(" / ");
            }
            assertTrue(reasons.toString().contains("access to vhost"), "refused at vhost access: " + reasons);
            try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                assertEquals(1, client.subscribe(device.topics().desiredConfiguration()), "control: MQTT works");
            }
        } finally {
            Devices.delete(device);
        }
    }

    private static Set<String> apiConnections() {
        Http.Reply reply = Http.management("GET", "/connections/username/" + API_LOGIN, null);
        assertEquals(200, reply.status(), reply.body());
        return ((jakarta.json.JsonArray) reply.parse()).getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name")).collect(Collectors.toSet());
    }

    private static boolean connected(Devices.Provisioned device) {
        JsonObject state = Http.api("GET", "/devices/" + device.id() + "/connectivity", null).json();
        return state.getBoolean("connected", false);
    }

    private static int history(Devices.Provisioned device) {
        return Http.api("GET", "/devices/" + device.id() + "/connectivity", null).json().getJsonArray("history").size();
    }
}
