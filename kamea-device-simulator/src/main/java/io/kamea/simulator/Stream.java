package io.kamea.simulator;

import io.kamea.contract.BusHeaders;
import io.kamea.contract.DeviceTopics;
import io.kamea.contract.RoutingKeys;
import java.util.Arrays;
import java.util.function.Function;

/** Which of its upstream topics a simulated device publishes on ({@code --stream}), named as the bus names it. */
enum Stream {

    TELEMETRY(BusHeaders.TELEMETRY, DeviceTopics::telemetry),
    REPORTED_CONFIGURATION(BusHeaders.REPORTED_CONFIGURATION, DeviceTopics::reportedConfiguration);

    private final String wireName;
    private final Function<DeviceTopics, String> topic;

    Stream(String wireName, Function<DeviceTopics, String> topic) {
        this.wireName = wireName;
        this.topic = topic;
    }

    static Stream named(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--stream must be " + BusHeaders.TELEMETRY + " or "
                        + BusHeaders.REPORTED_CONFIGURATION + ", not " + name));
    }

    String wireName() {
        return wireName;
    }

    /** The topic the device with this login publishes on. */
    String topic(String login) {
        return topic.apply(DeviceTopics.of(login));
    }

    /** The binding key that takes this stream of every device from {@code amq.topic}. */
    String bindingKey() {
        return RoutingKeys.of(topic.apply(DeviceTopics.ofAnyDevice()));
    }
}
