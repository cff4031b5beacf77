package io.kamea.ingestion.rejected;

import io.kamea.broker.RabbitManagementApi.GotMessage;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The message at the head of a store, the one that has waited longest, and what its headers tell
 * of when and why it was refused. The resource adapter writes {@code x-kamea-failed-at} and
 * {@code x-kamea-reason}; the broker, when it dead-letters a message itself, adds {@code x-death},
 * newest event first, with a reason ({@code rejected}, {@code expired}, {@code maxlen},
 * {@code delivery_limit}) and a time in seconds; an AMQP publisher may set the {@code timestamp}
 * property. A message routed nowhere carries none of these (RabbitMQ 3.10 stamps no arrival time,
 * and an MQTT publish has no timestamp), so its time is unknown.
 *
 * @param at when it was refused, else when it was published; null when no header says
 * @param reason {@code x-kamea-reason}, else {@code broker: <x-death reason>}, else null
 * @param routingKey as published: {@code device.<interface name>.<...>} for a device's message
 * @param payloadBytes the size of its payload
 */
public record OldestMessage(Instant at, String reason, String routingKey, long payloadBytes) {

    static final String KAMEA_REASON = "x-kamea-reason";
    static final String KAMEA_FAILED_AT = "x-kamea-failed-at";
    static final String DEATHS = "x-death";

    static OldestMessage of(GotMessage message) {
        Map<?, ?> properties = message.properties() == null ? Map.of() : message.properties();
        Map<?, ?> headers = properties.get("headers") instanceof Map<?, ?> h ? h : Map.of();
        Map<?, ?> death = headers.get(DEATHS) instanceof List<?> deaths && !deaths.isEmpty()
                && deaths.get(0) instanceof Map<?, ?> newest ? newest : Map.of();

        String reason = headers.get(KAMEA_REASON) instanceof String r ? r
                : death.get("reason") instanceof String r ? "broker: " + r : null;
        Instant at = instant(headers.get(KAMEA_FAILED_AT));
        if (at == null) {
            at = secondsOf(death.get("time"));
        }
        if (at == null) {
            at = secondsOf(properties.get("timestamp"));
        }
        return new OldestMessage(at, reason, message.routing_key(), message.payload_bytes());
    }

    private static Instant instant(Object text) {
        try {
            return text instanceof String s ? Instant.parse(s) : null;
        } catch (DateTimeException e) {
            return null; // a header someone else wrote: no time rather than a failed view
        }
    }

    private static Instant secondsOf(Object value) {
        return value instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
    }
}
