package io.kamea.broker;

import io.kamea.contract.CommandResponseTopic;
import java.time.Duration;
import java.time.Instant;

/**
 * A message the API's session received on {@code device/+/command/response/+}, as it came: the
 * topic and payload are the device's choice and may be anything (a device can publish only on
 * its own topics, but any id and any bytes there). Fired synchronously by {@link MqttGateway},
 * once per attempt, on one of its handler threads; once the observers returned, the message is
 * acknowledged to the broker, unless an observer asked for another attempt with
 * {@link #retryIn(Duration)}.
 */
public final class CommandResponseReceived {

    private final String topic;
    private final byte[] payload;
    private final Instant receivedAt;
    private final int attempt;
    private final String interfaceName;
    private final String commandId;
    private volatile Duration retryIn;

    /** The first attempt at a message received at {@code receivedAt}. */
    public CommandResponseReceived(String topic, byte[] payload, Instant receivedAt) {
        this(topic, payload, receivedAt, 1);
    }

    private CommandResponseReceived(String topic, byte[] payload, Instant receivedAt, int attempt) {
        this.topic = topic;
        this.payload = payload;
        this.receivedAt = receivedAt;
        this.attempt = attempt;
        CommandResponseTopic named = CommandResponseTopic.parse(topic).orElse(null);
        this.interfaceName = named == null ? null : named.interfaceName();
        this.commandId = named == null ? null : named.commandId();
    }

    /** The same message, to be handled again: what {@link MqttGateway} fires after a retry was asked. */
    public CommandResponseReceived nextAttempt() {
        return new CommandResponseReceived(topic, payload, receivedAt, attempt + 1);
    }

    public String topic() {
        return topic;
    }

    public byte[] payload() {
        return payload;
    }

    /** When the session took it from the broker: the answer's time, however late it is handled. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** 1 the first time the message is handled, 2 the second... */
    public int attempt() {
        return attempt;
    }

    /**
     * Whether the topic is {@code device/<interface name>/command/response/<command id>}, neither
     * empty nor a wildcard ({@link CommandResponseTopic}).
     */
    public boolean wellFormed() {
        return interfaceName != null;
    }

    /** The device's interface name from the topic; null if the topic is not well formed. */
    public String interfaceName() {
        return interfaceName;
    }

    /** The command id from the topic, unchecked; null if the topic is not well formed. */
    public String commandId() {
        return commandId;
    }

    /**
     * Asks for this message to be handled again after {@code delay} (with {@link #attempt()} one
     * higher) instead of being acknowledged now. It stays unacknowledged until then, holding one
     * of the session's prefetch places, and comes again with the session if the server stops.
     */
    public void retryIn(Duration delay) {
        this.retryIn = delay;
    }

    /** The delay an observer asked for; null when the message is to be acknowledged. */
    public Duration retryRequested() {
        return retryIn;
    }
}
