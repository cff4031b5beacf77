package io.kamea.contract;

import java.util.regex.Pattern;

/**
 * The broker permissions of one device account: the regexes given to RabbitMQ. RabbitMQ checks
 * topic permissions against AMQP routing keys ({@link RoutingKeys}); a subscription is checked
 * with its filter as routing key. The same rules answer the broker's questions about devices it
 * has no account for (io.kamea.brokerauth).
 */
public record DevicePermissions(String login) {

    /** The exchange RabbitMQ's MQTT plugin publishes to and subscribes on. */
    public static final String EXCHANGE = "amq.topic";

    /** The regexes of a vhost permission: which queues and exchanges the account may use how. */
    public record Resources(String configure, String write, String read) {
    }

    /** The regexes of a topic permission: which routing keys the account may publish or read on the exchange. */
    public record Topics(String exchange, String write, String read) {
    }

    public static DevicePermissions of(String login) {
        return new DevicePermissions(login);
    }

    /**
     * Whether the device's account would let it take this {@code permission} ({@code configure},
     * {@code write} or {@code read}) on this queue or exchange: the account's regex, searched in
     * the name as RabbitMQ does.
     */
    public boolean allowsResource(String kind, String name, String permission) {
        if (!"queue".equals(kind) && !"exchange".equals(kind)) {
            return false;
        }
        Resources granted = resources();
        String regex = switch (String.valueOf(permission)) {
            case "configure" -> granted.configure();
            case "write" -> granted.write();
            case "read" -> granted.read();
            default -> null;
        };
        return regex != null && name != null && Pattern.compile(regex).matcher(name).find();
    }

    /**
     * Whether the device's account would let it publish ({@code write}) or subscribe
     * ({@code read}) with this routing key on this exchange. Unlike RabbitMQ, which lets anything
     * through on an exchange it has no topic permissions for, no other exchange is allowed.
     */
    public boolean allowsTopic(String exchange, String routingKey, String permission) {
        Topics granted = topics();
        if (!granted.exchange().equals(exchange) || routingKey == null) {
            return false;
        }
        String regex = switch (String.valueOf(permission)) {
            case "write" -> granted.write();
            case "read" -> granted.read();
            default -> null;
        };
        return regex != null && Pattern.compile(regex).matcher(routingKey).find();
    }

    /**
     * The MQTT plugin keeps a device's subscriptions in queues named after its client id, so the
     * device must use its login as client id; it may touch no other client's queues.
     */
    public Resources resources() {
        String ownQueues = SESSION_QUEUE_PREFIX + quote(login) + "qos[01]";
        return new Resources(
                "^" + ownQueues + END,
                "^(" + quote(EXCHANGE) + "|" + ownQueues + ")" + END,
                "^(" + quote(EXCHANGE) + "|" + ownQueues + ")" + END);
    }

    /**
     * The end of the subject. Not {@code $}: in Erlang's re (PCRE) as in Java, {@code $} also
     * matches before a final newline, so {@code device/<if>/telemetries\n} would pass.
     */
    static final String END = "\\z";

    /**
     * The command id a device answers on: Kamea's ids are UUIDs; letters, digits, {@code _} and
     * {@code -} up to 64 leave room for other formats and none for control characters.
     */
    static final String RESPONSE_ID = "[0-9A-Za-z_-]{1,64}";

    /** How RabbitMQ's MQTT plugin names a client's subscription queues: this, the client id, qos0 or qos1. */
    private static final String SESSION_QUEUE_PREFIX = "mqtt-subscription-";

    /** The durable queue of the device's persistent session (QoS 1 subscriptions). */
    public static String sessionQueue(String login) {
        return SESSION_QUEUE_PREFIX + login + "qos1";
    }

    /**
     * Spelled out rather than assembled from {@link DeviceTopics}' levels, to read as the broker
     * shows them; DevicePermissionsTest holds the two together.
     */
    public Topics topics() {
        String prefix = "^device\\." + quote(login) + "\\.";
        return new Topics(
                EXCHANGE,
                prefix + "(telemetries|configs\\.reported|command\\.response\\." + RESPONSE_ID + ")" + END,
                prefix + "(configs\\.desired|command\\.request\\..+)" + END);
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
