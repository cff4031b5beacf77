package io.kamea.settings;

/**
 * A configuration value Kamea refuses. Thrown while the application starts, it stops the
 * deployment; its message names the key and what the key accepts (never the value of a secret).
 */
public class InvalidSettingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /** {@code problem} says what is wrong and what the key accepts, e.g. "must be true or false, not 'yes'". */
    public InvalidSettingException(String key, String problem) {
        super("Invalid setting " + key + ": " + problem);
        this.key = key;
    }

    /** The key whose value is refused. */
    public String key() {
        return key;
    }
}
