package io.kamea.web.brokerauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The secret the broker proves it knows ({@code RMQ_AUTH_SECRET}). RabbitMQ 3.10's HTTP backend
 * cannot add headers, but Erlang's HTTP client turns the user information of its URLs
 * ({@code http://rabbitmq:<secret>@host/...}) into a Basic {@code Authorization} header: the
 * password of that header is the secret, the user name is not checked.
 */
final class BrokerSecret {

    private final byte[] expectedDigest;

    /** {@code secret} null or blank: nobody is accepted. */
    BrokerSecret(String secret) {
        this.expectedDigest = secret == null || secret.isBlank() ? null : sha256(secret);
    }

    boolean isConfigured() {
        return expectedDigest != null;
    }

    /** Whether this {@code Authorization} header value carries the secret. */
    boolean acceptsAuthorization(String authorization) {
        if (expectedDigest == null || authorization == null
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // Digests of equal length, compared in constant time: the answer tells nothing of how
        // much of a guess was right, nor of the secret's length.
        return MessageDigest.isEqual(expectedDigest, sha256(credentials.substring(colon + 1)));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
