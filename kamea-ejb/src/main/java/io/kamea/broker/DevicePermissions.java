package io.kamea.broker;

/**
 * The broker permissions of one device account. RabbitMQ checks topic permissions against AMQP
 * routing keys, where the MQTT plugin has turned {@code /} into {@code .}, {@code +} into
 * {@code *}; a subscription is checked with its filter as routing key.
 */
record DevicePermissions(String login) {

    static final String EXCHANGE = "amq.topic";

    /**
     * The MQTT plugin keeps a device's subscriptions in queues named after its client id, so the
     * device must use its login as client id; it may touch no other client's queues.
     */
    RabbitManagementApi.Permissions resources() {
        String ownQueues = "mqtt-subscription-" + quote(login) + "qos[01]";
        return new RabbitManagementApi.Permissions(
                "^" + ownQueues + "$",
                "^(" + quote(EXCHANGE) + "|" + ownQueues + ")$",
                "^(" + quote(EXCHANGE) + "|" + ownQueues + ")$");
    }

    /** The durable queue of the device's persistent session (QoS 1 subscriptions). */
    static String sessionQueue(String login) {
        return "mqtt-subscription-" + login + "qos1";
    }

    RabbitManagementApi.TopicPermissions topics() {
        String prefix = "^device\\." + quote(login) + "\\.";
        return new RabbitManagementApi.TopicPermissions(
                EXCHANGE,
                prefix + "(telemetries|configs\\.reported|command\\.response\\.[^.]+)$",
                prefix + "(configs\\.desired|command\\.request\\..+)$");
    }

    private static String quote(String literal) {
        // Erlang's re understands \Q...\E, but escaping each character keeps the regexes readable
        // in the management UI.
        StringBuilder out = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
