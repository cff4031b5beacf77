package io.kamea.contract;

/**
 * The AMQP routing keys of device topics. RabbitMQ's MQTT plugin publishes what a device sends to
 * {@code amq.topic} with the topic as routing key, {@code /} turned into {@code .} and the
 * single-level wildcard {@code +} into {@code *} ({@code #} stays): the ingestion queues are bound
 * with such keys, the consumers get them with each message, and topic permissions are checked
 * against them ({@link DevicePermissions}).
 */
public final class RoutingKeys {

    private RoutingKeys() {
    }

    /** The routing key of an MQTT topic or filter, e.g. {@code device.*.telemetries} for {@code device/+/telemetries}. */
    public static String of(String topic) {
        return topic.replace('/', '.').replace('+', '*');
    }

    /**
     * The interface name in a routing key {@code device.<interface name>.<...>}, or null if the key
     * names no device: another first segment, an empty name, nothing after it. An interface name
     * holds no {@code .} (io.kamea.provisioning.CommonNames), so the name ends at the second one.
     */
    public static String interfaceName(String routingKey) {
        String[] parts = routingKey == null ? new String[0] : routingKey.split("\\.", 3);
        return parts.length == 3 && parts[0].equals(DeviceTopics.ROOT) && !parts[1].isEmpty() ? parts[1] : null;
    }
}
