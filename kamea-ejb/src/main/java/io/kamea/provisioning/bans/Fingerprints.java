package io.kamea.provisioning.bans;

import io.kamea.platform.InvalidRequestException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two ways a certificate's SHA-256 fingerprint is written: what the broker's plugin compares
 * (64 lower-case hex digits, no colons) and what openssl prints and Kamea shows for a self-signed
 * device (32 upper-case pairs separated by colons). Bans keep the first.
 */
final class Fingerprints {

    private static final Pattern PLAIN = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final Pattern PAIRS = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}");

    private Fingerprints() {
    }

    /**
     * The fingerprint as the broker compares it; an {@link InvalidRequestException} for anything
     * but 64 hex digits or 32 colon-separated hex pairs, either case, around which only spaces are
     * tolerated.
     */
    static String normalised(String fingerprint) {
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new InvalidRequestException("fingerprintSha256 is required: the SHA-256 of the certificate (DER)");
        }
        String text = fingerprint.strip();
        if (!PLAIN.matcher(text).matches() && !PAIRS.matcher(text).matches()) {
            throw new InvalidRequestException("fingerprintSha256 must be the SHA-256 of the certificate (DER): "
                    + "64 hex digits, or 32 hex pairs separated by colons as "
                    + "'openssl x509 -noout -fingerprint -sha256' prints them");
        }
        return text.replace(":", "").toLowerCase(Locale.ROOT);
    }

    /** The colon-separated upper-case form of a {@link #normalised} fingerprint. */
    static String withColons(String normalised) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(normalised));
    }
}
