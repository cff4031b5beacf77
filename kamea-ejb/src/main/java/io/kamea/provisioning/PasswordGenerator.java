package io.kamea.provisioning;

import java.security.SecureRandom;
import java.util.Base64;

/** Device passwords: 192 random bits, URL-safe so they survive any MQTT client's command line. */
final class PasswordGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordGenerator() {
    }

    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
