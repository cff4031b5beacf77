package io.kamea.ingestion.rabbitmq.adapter;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.LongString;
import io.kamea.ingestion.rabbitmq.RabbitMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A delivery as the adapter keeps it until acknowledged: the message handed to the bean, the
 * original properties (for dead-lettering) and the key its failed attempts are counted under.
 */
record Received(RabbitMessage message, AMQP.BasicProperties properties, String attemptKey) {

    static Received of(String queue, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        AMQP.BasicProperties props = properties != null ? properties : new AMQP.BasicProperties();
        Map<String, Object> headers = plainHeaders(props.getHeaders());
        Instant timestamp = props.getTimestamp() != null ? props.getTimestamp().toInstant() : null;
        byte[] payload = body != null ? body : new byte[0];
        RabbitMessage message = new RabbitMessage(queue, envelope.getRoutingKey(), payload,
                props.getMessageId(), timestamp, headers, envelope.isRedeliver(), envelope.getDeliveryTag(), Instant.now());
        return new Received(message, props, attemptKey(props.getMessageId(), envelope.getRoutingKey(), payload, headers));
    }

    long deliveryTag() {
        return message.deliveryTag();
    }

    /** AMQP header values with amqp-client's LongString turned into String, recursively. */
    static Map<String, Object> plainHeaders(Map<String, Object> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        headers.forEach((name, value) -> plain.put(name, plain(value)));
        return Collections.unmodifiableMap(plain);
    }

    private static Object plain(Object value) {
        if (value instanceof LongString s) {
            return s.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            list.forEach(v -> plain.add(plain(v)));
            return Collections.unmodifiableList(plain);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put(String.valueOf(k), plain(v)));
            return Collections.unmodifiableMap(plain);
        }
        return value;
    }

    /** The message id when the publisher set one; else a digest of what identifies the message. */
    static String attemptKey(String messageId, String routingKey, byte[] body, Map<String, Object> headers) {
        if (messageId != null && !messageId.isBlank()) {
            return "id:" + messageId;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(routingKey).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            sha.update((byte) 0);
            sha.update(canonical(headers).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Received::canonical).toList().toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return String.valueOf(value);
    }
}
