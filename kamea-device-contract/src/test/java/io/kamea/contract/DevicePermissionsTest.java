package io.kamea.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The permission regexes, checked against routing keys as RabbitMQ sees them. RabbitMQ searches
 * with the regex (Erlang {@code re:run}), it does not match the whole key: hence {@code find()}.
 */
class DevicePermissionsTest {

    private static final String LOGIN = "3f1c2a9e-7b4d-4c1e-9f0a-5d6e7f8a9b0c";
    private static final String OTHER = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private final DevicePermissions permissions = new DevicePermissions(LOGIN);

    @Test
    void deviceWritesOnlyItsOwnUpstreamTopics() {
        String write = permissions.topics().write();

        assertAllowed(write, "device." + LOGIN + ".telemetries");
        assertAllowed(write, "device." + LOGIN + ".configs.reported");
        assertAllowed(write, "device." + LOGIN + ".command.response.abc");

        assertRefused(write, "device." + OTHER + ".telemetries");
        assertRefused(write, "device." + LOGIN + ".configs.desired");
        assertRefused(write, "device." + LOGIN + ".command.response.a.b");
        assertRefused(write, "device." + LOGIN + ".command.request.start");
        assertRefused(write, "prefix.device." + LOGIN + ".telemetries");
        assertRefused(write, "device." + LOGIN + ".telemetries.more");
    }

    @Test
    void deviceReadsOnlyItsOwnDownstreamTopics() {
        String read = permissions.topics().read();

        assertAllowed(read, "device." + LOGIN + ".configs.desired");
        assertAllowed(read, "device." + LOGIN + ".command.request.#");
        assertAllowed(read, "device." + LOGIN + ".command.request.start.123");

        assertRefused(read, "device.#");
        assertRefused(read, "#");
        assertRefused(read, "device.*.configs.desired");
        assertRefused(read, "device." + OTHER + ".configs.desired");
        assertRefused(read, "device." + LOGIN + ".telemetries");
        assertRefused(read, "device." + LOGIN + ".command.request");
    }

    @Test
    void aTopicEndingInANewlineMatchesNoPermission() {
        // $ would match before the final newline, in Erlang's re as in java.util.regex
        assertFalse(permissions.allowsTopic("amq.topic", "device." + LOGIN + ".telemetries\n", "write"));
        assertFalse(permissions.allowsTopic("amq.topic", "device." + LOGIN + ".command.response.abc\n", "write"));
        assertFalse(permissions.allowsTopic("amq.topic", "device." + LOGIN + ".configs.desired\n", "read"));
        assertFalse(permissions.allowsResource("queue", "mqtt-subscription-" + LOGIN + "qos1\n", "configure"));
        assertTrue(permissions.allowsTopic("amq.topic", "device." + LOGIN + ".telemetries", "write"));
    }

    @Test
    void theRegexesAreTheOnesRabbitMqHasAlwaysBeenGiven() {
        DevicePermissions dotted = DevicePermissions.of("sensor.1");

        assertEquals(new DevicePermissions.Topics("amq.topic",
                "^device\\.sensor\\.1\\.(telemetries|configs\\.reported|command\\.response\\.[0-9A-Za-z_-]{1,64})\\z",
                "^device\\.sensor\\.1\\.(configs\\.desired|command\\.request\\..+)\\z"), dotted.topics());
        assertEquals(new DevicePermissions.Resources(
                "^mqtt-subscription-sensor\\.1qos[01]\\z",
                "^(amq\\.topic|mqtt-subscription-sensor\\.1qos[01])\\z",
                "^(amq\\.topic|mqtt-subscription-sensor\\.1qos[01])\\z"), dotted.resources());
        assertEquals("mqtt-subscription-sensor.1qos1", DevicePermissions.sessionQueue("sensor.1"));
    }

    @Test
    void theDeviceMayUseEachOfItsTopicsAsItsAccessSaysAndNoOtherWay() {
        DeviceTopics topics = DeviceTopics.of(LOGIN);
        for (DeviceTopics.Topic topic : topics.all()) {
            String routingKey = RoutingKeys.of(topic.filter());
            boolean writes = topic.access() == DeviceTopics.Access.WRITE;
            // the write filter's '+' becomes '*', which no published key holds: check a real answer
            String published = writes ? routingKey.replace("*", "a61a6a71-2146-4eea-bc98-6d1058b7efc8") : routingKey;
            assertEquals(writes, permissions.allowsTopic("amq.topic", published, "write"), topic.toString());
            assertEquals(!writes, permissions.allowsTopic("amq.topic", published, "read"), topic.toString());
        }
        assertTrue(permissions.allowsTopic("amq.topic", RoutingKeys.of(topics.commandRequest("reboot", "42")), "read"));
        assertTrue(permissions.allowsTopic("amq.topic", RoutingKeys.of(topics.commandResponse("42")), "write"));
        assertFalse(permissions.allowsTopic("amq.topic", RoutingKeys.of(topics.everything()), "read"));
        assertFalse(permissions.allowsTopic("amq.topic", RoutingKeys.of(DeviceTopics.allDevices()), "read"));
    }

    @Test
    void topicPermissionsApplyToTheMqttExchange() {
        assertEquals("amq.topic", permissions.topics().exchange());
    }

    @Test
    void loginIsQuotedInTheRegexes() {
        DevicePermissions dotted = new DevicePermissions("sensor.1");

        assertAllowed(dotted.topics().write(), "device.sensor.1.telemetries");
        assertRefused(dotted.topics().write(), "device.sensorX1.telemetries");
        assertAllowed(dotted.topics().read(), "device.sensor.1.configs.desired");
        assertRefused(dotted.topics().read(), "device.sensorX1.configs.desired");
        assertAllowed(dotted.resources().configure(), "mqtt-subscription-sensor.1qos0");
        assertRefused(dotted.resources().configure(), "mqtt-subscription-sensorX1qos0");
    }

    @Test
    void deviceUsesOnlyItsOwnSubscriptionQueues() {
        DevicePermissions.Resources resources = permissions.resources();
        String own = "mqtt-subscription-" + LOGIN + "qos1";

        for (String regex : new String[] {resources.configure(), resources.write(), resources.read()}) {
            assertAllowed(regex, own);
            assertAllowed(regex, "mqtt-subscription-" + LOGIN + "qos0");
            assertRefused(regex, "mqtt-subscription-otherqos1");
            assertRefused(regex, "mqtt-subscription-" + OTHER + "qos1");
            assertRefused(regex, own + "-suffix");
        }
        // Publishing and subscribing go through the topic exchange; declaring it does not.
        assertAllowed(resources.write(), "amq.topic");
        assertAllowed(resources.read(), "amq.topic");
        assertRefused(resources.configure(), "amq.topic");
        assertRefused(resources.write(), "amq.direct");
    }

    @Test
    void checksAnswerAsTheAccountsRegexesDo() {
        String own = "mqtt-subscription-" + LOGIN + "qos1";
        assertTrue(permissions.allowsResource("queue", own, "configure"));
        assertTrue(permissions.allowsResource("exchange", "amq.topic", "write"));
        assertFalse(permissions.allowsResource("exchange", "amq.topic", "configure"));
        assertFalse(permissions.allowsResource("queue", "mqtt-subscription-" + OTHER + "qos1", "read"));
        assertFalse(permissions.allowsResource("topic", own, "read"), "unknown kind");
        assertFalse(permissions.allowsResource("queue", own, "delete"), "unknown permission");
        assertFalse(permissions.allowsResource("queue", null, "read"));

        assertTrue(permissions.allowsTopic("amq.topic", "device." + LOGIN + ".telemetries", "write"));
        assertFalse(permissions.allowsTopic("amq.topic", "device." + LOGIN + ".telemetries", "read"));
        assertTrue(permissions.allowsTopic("amq.topic", "device." + LOGIN + ".command.request.#", "read"));
        assertFalse(permissions.allowsTopic("amq.topic", "device." + OTHER + ".telemetries", "write"));
        assertFalse(permissions.allowsTopic("amq.fanout", "device." + LOGIN + ".telemetries", "write"),
                "no other exchange, where RabbitMQ would allow anything");
        assertFalse(permissions.allowsTopic("amq.topic", null, "write"));
        assertFalse(permissions.allowsTopic("amq.topic", "device." + LOGIN + ".telemetries", "configure"));
    }

    private static void assertAllowed(String regex, String name) {
        assertTrue(Pattern.compile(regex).matcher(name).find(), () -> regex + " should allow " + name);
    }

    private static void assertRefused(String regex, String name) {
        assertFalse(Pattern.compile(regex).matcher(name).find(), () -> regex + " should refuse " + name);
    }
}
