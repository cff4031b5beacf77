package io.kamea.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The largest MQTT message Kamea takes from a device, in bytes of payload: telemetry, reported
 * configurations and command responses alike, and the largest the API publishes (desired
 * configurations, command requests). The default, 128 KiB, is AWS IoT Core's message limit (Azure
 * IoT Hub allows 256 KiB). The broker is told the same number ({@code max_message_size},
 * server-config/rabbitmq/rabbitmq.conf.template; RabbitMQ counts the payload alone, so no margin),
 * so it refuses larger publishes itself; Kamea checks again wherever a message reaches it, and
 * never forwards a larger one.
 */
@ApplicationScoped
public class MessageLimits {

    public static final String MAX_MESSAGE_BYTES = "KAMEA_MAX_MESSAGE_BYTES";

    @Inject
    @ConfigProperty(name = MAX_MESSAGE_BYTES, defaultValue = "131072")
    int maxMessageBytes;

    public MessageLimits() {
    }

    /** For unit tests. */
    public MessageLimits(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
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
