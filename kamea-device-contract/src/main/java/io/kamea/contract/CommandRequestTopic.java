package io.kamea.contract;

import java.util.Optional;

/**
 * A command request as its topic names it: {@code device/<interface name>/command/request/<command
 * name>/<command id>}. The device takes the id from the last level and answers on
 * {@link DeviceTopics#commandResponse(String)} with it.
 */
public record CommandRequestTopic(String interfaceName, String commandName, String commandId) {

    /**
     * The request a topic names; empty when it is not exactly
     * {@code device/<if>/command/request/<name>/<id>}, when a level is empty or holds a wildcard.
     */
    public static Optional<CommandRequestTopic> parse(String topic) {
        String[] levels = TopicLevels.of(topic, '/');
        boolean wellFormed = levels.length == 6 && levels[0].equals(DeviceTopics.ROOT)
                && levels[2].equals(DeviceTopics.COMMAND) && levels[3].equals(DeviceTopics.REQUEST)
                && TopicLevels.isName(levels[1]) && TopicLevels.isName(levels[4]) && TopicLevels.isName(levels[5]);
        return wellFormed ? Optional.of(new CommandRequestTopic(levels[1], levels[4], levels[5])) : Optional.empty();
    }
}
