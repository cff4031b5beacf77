package io.kamea.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The form of an API key: {@code kamea_<id>_<secret>}, 66 characters. The id (16 of
 * {@code [a-z0-9]}) names the key in lists and in the audit trail; the secret (32 random bytes,
 * base64url) is shown once and kept as its SHA-256 only. The prefix lets secret scanners and the
 * authentication mechanism tell a Kamea key from an OIDC token.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "kamea_";
    static final int ID_LENGTH = 16;
    static final int SECRET_LENGTH = 43;
    static final int KEY_LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A presented key, split. */
    record Parsed(String id, String secret) {
    }

    private ApiKeySecrets() {
    }

    static String newId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String key(String id, String secret) {
        return PREFIX + id + "_" + secret;
    }

    /** Empty unless {@code presented} has the exact form of a key; nothing else is looked up. */
    static Optional<Parsed> parse(String presented) {
        if (presented == null || presented.length() != KEY_LENGTH || !presented.startsWith(PREFIX)
                || presented.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String id = presented.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        String secret = presented.substring(PREFIX.length() + ID_LENGTH + 1);
        if (!id.chars().allMatch(c -> ID_ALPHABET.indexOf(c) >= 0)
                || !secret.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(id, secret));
    }

    /** The id of a presented key of the right form, for the audit of a refused one; never its secret. */
    public static Optional<String> idOf(String presented) {
        return parse(presented).map(Parsed::id);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Constant time: how much of a guess matched does not show in the answer's timing. */
    static boolean matches(String secret, String expectedSha256) {
        return MessageDigest.isEqual(sha256(secret).getBytes(StandardCharsets.US_ASCII),
                expectedSha256.getBytes(StandardCharsets.US_ASCII));
    }
}
