package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.contract.BusHeaders;
import io.kamea.contract.DeviceTopics;
import io.kamea.contract.RoutingKeys;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/**
 * Login/password provisioning, end to end: the API creates the device and its broker account, a
 * real MQTT client uses it over TLS, and the broker keeps it to its own topics.
 */
class PasswordProvisioningIT {

    @Test
    void provisionedDeviceConnectsOverTlsAndItsTelemetryIsIngested() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("thermo"));
        assertTrue(device.login().matches("[0-9a-f-]{36}"), "login is a UUID: " + device.login());
        assertEquals(device.login(), device.body().getString("interfaceName"));
        assertEquals(device.expectedTopics(), device.shownTopics());

        // The telemetry queue is drained by the consumers: what they forward to the bus went
        // through it.
        try (Bus bus = Bus.subscribe(Bus.RAW_DATA, device.id());
             var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
            client.publish(device.topics().telemetry(), "{\"temp\":21.5}");
            var received = bus.receive(1, 15);
            assertEquals(1, received.size(), "the telemetry went through kamea.telemetry to the bus");
            assertEquals(device.login(), received.get(0).getStringProperty(BusHeaders.INTERFACE_NAME));
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void deviceMayNotWriteToAnotherDevicesTopics() throws Exception {
        var intruder = Devices.withPassword(Devices.uniqueName("intruder"));
        var victim = Devices.withPassword(Devices.uniqueName("victim"));
        String watch = Broker.watch(RoutingKeys.of(victim.topics().everything()));
        try {
            DeviceTopics victims = victim.topics();
            for (String topic : List.of(victims.telemetry(), victims.reportedConfiguration(), victims.desiredConfiguration(),
                    victims.commandRequest("reboot", "1"))) {
                try (var client = DeviceClient.connect(intruder.login(), intruder.login(), intruder.password())) {
                    assertThrows(MqttException.class, () -> client.publish(topic, "forged"), "publishing to " + topic);
                    assertTrue(client.droppedWithin(5), "the broker closed the connection after " + topic);
                }
            }
            assertEquals(List.of(), Broker.peek(watch, 10), "nothing reached the other device's topics");
        } finally {
            Broker.delete(watch);
            Devices.delete(intruder);
            Devices.delete(victim);
        }
    }

    /** In Erlang's re, {@code $} also matches before a final newline: the permissions end in \\z. */
    @Test
    void ownTopicsWithATrailingNewlineAreRefused() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("newline"));
        String watch = Broker.watch(RoutingKeys.of(device.topics().everything()));
        try {
            DeviceTopics own = device.topics();
            for (String topic : List.of(own.telemetry() + "\n", own.reportedConfiguration() + "\n", own.commandResponse("1") + "\n")) {
                try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                    assertThrows(MqttException.class, () -> client.publish(topic, "{}"), "publishing to " + topic);
                    assertTrue(client.droppedWithin(5), "the broker closed the connection after " + topic);
                }
            }
            try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                assertRefused(client, own.desiredConfiguration() + "\n");
            }
            assertEquals(List.of(), Broker.peek(watch, 10), "nothing was published");
        } finally {
            Broker.delete(watch);
            Devices.delete(device);
        }
    }

    @Test
    void deviceMayReadOnlyItsOwnReadTopics() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("reader"));
        var other = Devices.withPassword(Devices.uniqueName("other"));
        try {
            try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                assertEquals(1, client.subscribe(device.topics().desiredConfiguration()));
                assertEquals(1, client.subscribe(device.topics().commandRequests()));
            }
            for (String filter : List.of(DeviceTopics.allDevices(), other.topics().desiredConfiguration(),
                    DeviceTopics.ofAnyDevice().desiredConfiguration(),
                    device.topics().telemetry())) {
                try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
                    assertRefused(client, filter);
                }
            }
        } finally {
            Devices.delete(device);
            Devices.delete(other);
        }
    }

    @Test
    void wrongOrMissingCredentialsAreRefused() {
        var device = Devices.withPassword(Devices.uniqueName("locked"));
        try {
            assertThrows(MqttException.class,
                    () -> DeviceClient.connect(device.login(), device.login(), device.password() + "x"));
            assertThrows(MqttException.class, () -> DeviceClient.connect(device.login(), null, null));
            assertThrows(MqttException.class, () -> DeviceClient.connect("anonymous-" + UUID.randomUUID(), null, null));
        } finally {
            Devices.delete(device);
        }
    }

    @Test
    void deletedDeviceIsDisconnectedAndCannotComeBack() throws Exception {
        var device = Devices.withPassword(Devices.uniqueName("retired"));
        try (var client = DeviceClient.connect(device.login(), device.login(), device.password())) {
            assertEquals(204, Http.api("DELETE", "/devices/" + device.id(), null).status());
            assertTrue(client.droppedWithin(10), "the open connection was closed");
        }
        assertFalse(Broker.userExists(device.login()), "the broker account is gone");
        assertThrows(MqttException.class,
                () -> DeviceClient.connect(device.login(), device.login(), device.password()));
        assertEquals(404, Http.api("GET", "/devices/" + device.id(), null).status());
    }

    @Test
    void devicesCanBeListedAndShownWithoutTheirPassword() {
        var device = Devices.withPassword(Devices.uniqueName("listed"));
        try {
            JsonObject shown = Http.api("GET", "/devices/" + device.id(), null).json();
            assertEquals(device.name(), shown.getString("name"));
            assertEquals(5, shown.getJsonArray("topics").size());
            assertFalse(shown.containsKey("credentials"), "the password is shown once only");

            JsonObject page = Http.api("GET", "/devices?page=0&size=500", null).json();
            assertTrue(page.getJsonNumber("total").longValue() >= 1);
            assertTrue(page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .anyMatch(d -> d.getString("id").equals(device.id())));
        } finally {
            Devices.delete(device);
        }
    }

    /** RabbitMQ refuses a subscription either in the SUBACK or by closing the connection. */
    private static void assertRefused(DeviceClient client, String filter) throws InterruptedException {
        try {
            int granted = client.subscribe(filter);
            assertEquals(128, granted, "subscription to " + filter + " was refused");
        } catch (MqttException e) {
            assertTrue(client.droppedWithin(5), "the broker closed the connection after subscribing to " + filter);
        }
    }

}
