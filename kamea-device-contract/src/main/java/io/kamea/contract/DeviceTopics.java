package io.kamea.contract;

import java.util.List;

/**
 * The MQTT topics of one device, named by its interface name (its broker login): it reads its
 * desired configuration and command requests, and writes telemetry, reported configuration and
 * command responses. {@link #all()} lists the five filters it is confined to (the API shows them);
 * the other methods give the topics that are published or subscribed to. Built as is: the
 * interface name and the command name and id are checked where they are made (provisioning,
 * {@code io.kamea.command.CommandNames}), not here, so that a test can build a hostile topic too.
 */
public record DeviceTopics(String interfaceName) {

    /** The first level of every device topic. */
    static final String ROOT = "device";

    static final String TELEMETRY = "telemetries";
    static final String CONFIGS = "configs";
    static final String DESIRED = "desired";
    static final String REPORTED = "reported";
    static final String COMMAND = "command";
    static final String REQUEST = "request";
    static final String RESPONSE = "response";

    /** Whether the device reads (subscribes to) or writes (publishes on) a topic. */
    public enum Access { READ, WRITE }

    /** A topic filter of the device and what the device may do with it. */
    public record Topic(String filter, Access access) {
    }

    public static DeviceTopics of(String interfaceName) {
        return new DeviceTopics(interfaceName);
    }

    /**
     * The topics of every device at once, for subscriptions: the interface name is the
     * single-level wildcard, e.g. {@code ofAnyDevice().commandResponses()} is the API's
     * subscription {@code device/+/command/response/+}.
     */
    public static DeviceTopics ofAnyDevice() {
        return new DeviceTopics("+");
    }

    /** {@code device/#}: every topic of every device (a filter no device may use). */
    public static String allDevices() {
        return ROOT + "/#";
    }

    /** {@code device/<if>/configs/desired}: Kamea publishes it retained; the device reads it. */
    public String desiredConfiguration() {
        return level(CONFIGS, DESIRED);
    }

    /** {@code device/<if>/command/request/#}: the filter for all of the device's command requests. */
    public String commandRequests() {
        return level(COMMAND, REQUEST, "#");
    }

    /** {@code device/<if>/command/request/<name>/<id>}: where Kamea publishes one command. */
    public String commandRequest(String commandName, String commandId) {
        return level(COMMAND, REQUEST, commandName, commandId);
    }

    /** {@code device/<if>/telemetries}. */
    public String telemetry() {
        return level(TELEMETRY);
    }

    /** {@code device/<if>/configs/reported}. */
    public String reportedConfiguration() {
        return level(CONFIGS, REPORTED);
    }

    /** {@code device/<if>/command/response/+}: the filter for all of the device's answers. */
    public String commandResponses() {
        return level(COMMAND, RESPONSE, "+");
    }

    /** {@code device/<if>/command/response/<id>}: where the device answers one command. */
    public String commandResponse(String commandId) {
        return level(COMMAND, RESPONSE, commandId);
    }

    /** {@code device/<if>/#}: every topic of the device, its own and those it may not use. */
    public String everything() {
        return level("#");
    }

    /** The five filters the device is confined to, with what it may do on each. */
    public List<Topic> all() {
        return List.of(
                new Topic(desiredConfiguration(), Access.READ),
                new Topic(commandRequests(), Access.READ),
                new Topic(telemetry(), Access.WRITE),
                new Topic(reportedConfiguration(), Access.WRITE),
                new Topic(commandResponses(), Access.WRITE));
    }

    private String level(String... levels) {
        return ROOT + "/" + interfaceName + "/" + String.join("/", levels);
    }
}
