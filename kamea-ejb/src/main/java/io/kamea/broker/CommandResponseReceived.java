package io.kamea.broker;

/**
 * A device answered a command: it published on {@code device/<interfaceName>/command/response/<commandId>}.
 * Fired synchronously by {@link MqttGateway}; the message is acknowledged to the broker only
 * after the observers returned.
 */
public record CommandResponseReceived(String interfaceName, String commandId, byte[] payload) {

    /** The response a topic carries, or null if the topic is not a command response. */
    static CommandResponseReceived fromTopic(String topic, byte[] payload) {
        String[] levels = topic.split("/");
        if (levels.length == 5 && levels[0].equals("device") && levels[2].equals("command")
                && levels[3].equals("response") && !levels[1].isEmpty() && !levels[4].isEmpty()) {
            return new CommandResponseReceived(levels[1], levels[4], payload);
        }
        return null;
    }
}
