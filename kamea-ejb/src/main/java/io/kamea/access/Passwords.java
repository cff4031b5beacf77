package io.kamea.access;

import io.kamea.platform.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Built-in users' passwords: hashed with Jakarta Security's PBKDF2 (HMAC-SHA-512, 210,000
 * iterations, OWASP's figure for it: about 0.2 s of one core here, paid once per login, not per
 * call), and the rules a new password must follow.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pbkdf2PasswordHash hash;
    /** Checked when the user does not exist, so that a wrong name costs what a wrong password does. */
    private final String decoy;

    @Inject
    public Passwords(Pbkdf2PasswordHash hash) {
        this.hash = hash;
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        this.decoy = hash.generate(generate().toCharArray());
    }

    /** For CDI's proxy. */
    protected Passwords() {
        this.hash = null;
        this.decoy = null;
    }

    /** Refuses (400) a password too short or too long. */
    public String hash(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new InvalidRequestException("A password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        return hash.generate(password.toCharArray());
    }

    /** {@code encoded} null: the user does not exist; the answer is false after the same work. */
    public boolean matches(String password, String encoded) {
        if (password == null || password.length() > MAX_LENGTH) {
            hash.verify(new char[0], decoy);
            return false;
        }
        boolean matches = hash.verify(password.toCharArray(), encoded != null ? encoded : decoy);
        return matches && encoded != null;
    }

    /** 24 random bytes, base64url: 32 characters, 192 bits. */
    public static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
