package io.kamea.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The largest MQTT message Kamea takes from a device, in bytes of payload: telemetry, reported
 * configurations and command responses alike. The default, 128 KiB, is AWS IoT Core's message
 * limit (Azure IoT Hub allows 256 KiB). The broker is told the same number
 * ({@code max_message_size}, server-config/lib/rabbitmq.sh), so it refuses larger publishes
 * itself; Kamea checks again wherever a message reaches it, and never forwards a larger one.
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
}
