package io.kamea.provisioning;

import io.kamea.platform.InvalidRequestException;

/**
 * The certificate common names Kamea accepts as interface names. A common name becomes the
 * device's broker login, its MQTT client id, one level of its MQTT topics and one segment of the
 * AMQP routing keys they map to; it must therefore be one level and one segment, and contain no
 * wildcard of either world: with {@code *} as its name, a device subscribing to
 * {@code device/*}{@code /configs/desired} would pass its own topic permission check and receive
 * every device's configuration.
 */
public final class CommonNames {

    public static final int MAX_LENGTH = 64;

    /** MQTT level separator and wildcards, AMQP segment separator and wildcards. */
    private static final String FORBIDDEN = "/+#.*";

    private CommonNames() {
    }

    /** The common name itself if valid; otherwise an {@link InvalidRequestException} saying why. */
    public static String valid(String commonName) {
        if (commonName == null || commonName.isEmpty()) {
            throw new InvalidRequestException("commonName is required with provisioning 'certificate'");
        }
        if (commonName.length() > MAX_LENGTH) {
            throw new InvalidRequestException("commonName is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < commonName.length(); i++) {
            char c = commonName.charAt(i);
            if (FORBIDDEN.indexOf(c) >= 0) {
                throw new InvalidRequestException("commonName may not contain '" + c
                        + "': it must be a single MQTT topic level and routing key segment (no / + # . *)");
            }
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new InvalidRequestException("commonName may not contain spaces or control characters");
            }
        }
        return commonName;
    }
}
