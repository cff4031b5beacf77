package io.kamea.platform;

import io.kamea.settings.SettingReader;
import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The largest MQTT message Kamea takes from a device, in bytes of payload: telemetry, reported
 * configurations and command responses alike, and the largest the API publishes (desired
 * configurations, command requests). The default, 128 KiB, is AWS IoT Core's message limit (Azure
 * IoT Hub allows 256 KiB). The broker is told the same number ({@code max_message_size},
 * server-config/rabbitmq/rabbitmq.conf.template; RabbitMQ counts the payload alone, so no margin),
 * so it refuses larger publishes itself; Kamea checks again wherever a message reaches it, and
 * never forwards a larger one. A value from 1 to 536,870,912 (RabbitMQ's ceiling) is accepted;
 * anything else stops the application at start.
 */
@ApplicationScoped
public class MessageLimits extends StartupSettings {

    public static final String MAX_MESSAGE_BYTES = "KAMEA_MAX_MESSAGE_BYTES";

    /** RabbitMQ's own ceiling for {@code max_message_size} (512 MiB): the node would not start above it. */
    static final int HIGHEST_MAX_MESSAGE_BYTES = 536_870_912;

    private int maxMessageBytes;

    public MessageLimits() {
    }

    /** For unit tests. */
    public MessageLimits(int maxMessageBytes) {
        read(new SettingReader(SettingSource.of(Map.of(MAX_MESSAGE_BYTES, "" + maxMessageBytes))));
    }

    @Override
    protected void read(SettingReader settings) {
        maxMessageBytes = settings.integer(MAX_MESSAGE_BYTES, 131_072, 1, HIGHEST_MAX_MESSAGE_BYTES);
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public boolean tooLarge(int payloadBytes) {
        return payloadBytes > maxMessageBytes;
    }

    /**
     * Refuses (400) a message the API was asked to publish that the broker would refuse. It must
     * never reach RabbitMQ 3.10: the broker would close the API session's QoS 1 publishing channel
     * without the MQTT client being told, and every later publish of the session would go
     * unacknowledged (see docs/operations.md, message size).
     *
     * @param what the message, for the answer, e.g. {@code "The message to device/x/configs/desired"}
     */
    public void requireFits(String what, int payloadBytes) {
        if (tooLarge(payloadBytes)) {
            throw new InvalidRequestException(what + " is " + payloadBytes + " bytes, more than the "
                    + maxMessageBytes + " of " + MAX_MESSAGE_BYTES);
        }
    }
}
