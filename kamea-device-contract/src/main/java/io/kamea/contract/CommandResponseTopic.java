package io.kamea.contract;

import java.util.Optional;

/**
 * A command response as its topic names it: {@code device/<interface name>/command/response/<command
 * id>}. The topic is the device's choice within its permissions (any id of 1 to 64 letters,
 * digits, {@code _} or {@code -}); whether the id names a command of that device is for the
 * platform to find out.
 */
public record CommandResponseTopic(String interfaceName, String commandId) {

    /**
     * The device and command a topic names; empty when it is not exactly
     * {@code device/<if>/command/response/<id>}, when a level is empty or holds a wildcard.
     */
    public static Optional<CommandResponseTopic> parse(String topic) {
        String[] levels = TopicLevels.of(topic, '/');
        boolean wellFormed = levels.length == 5 && levels[0].equals(DeviceTopics.ROOT)
                && levels[2].equals(DeviceTopics.COMMAND) && levels[3].equals(DeviceTopics.RESPONSE)
                && TopicLevels.isName(levels[1]) && TopicLevels.isName(levels[4]);
        return wellFormed ? Optional.of(new CommandResponseTopic(levels[1], levels[4])) : Optional.empty();
    }
}
