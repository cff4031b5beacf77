package io.kamea.provisioning;

import java.util.List;

/**
 * The MQTT topics a device may use, and nothing else: it reads its desired configuration and
 * command requests, and writes telemetry, reported configuration and command responses.
 */
public record DeviceTopics(String interfaceName) {

    public enum Access { READ, WRITE }

    public record Topic(String filter, Access access) {
    }

    public static DeviceTopics of(String interfaceName) {
        return new DeviceTopics(interfaceName);
    }

    public String desiredConfiguration() {
        return prefix() + "configs/desired";
    }

    public String commandRequests() {
        return prefix() + "command/request/#";
    }

    public String telemetry() {
        return prefix() + "telemetries";
    }

    public String reportedConfiguration() {
        return prefix() + "configs/reported";
    }

    public String commandResponses() {
        return prefix() + "command/response/+";
    }

    public List<Topic> all() {
        return List.of(
                new Topic(desiredConfiguration(), Access.READ),
                new Topic(commandRequests(), Access.READ),
                new Topic(telemetry(), Access.WRITE),
                new Topic(reportedConfiguration(), Access.WRITE),
                new Topic(commandResponses(), Access.WRITE));
    }

    private String prefix() {
        return "device/" + interfaceName + "/";
    }
}
