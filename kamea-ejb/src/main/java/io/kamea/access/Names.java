package io.kamea.access;

import io.kamea.platform.InvalidRequestException;
import java.util.regex.Pattern;

/** The names operators give: user names, key names. */
final class Names {

    /** Lower case, so that "Admin" and "admin" cannot be two users; the table checks it too. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private Names() {
    }

    static String username(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidRequestException("username must be 1 to 64 of a-z, 0-9, '.', '_', '-', "
                    + "starting with a letter or digit");
        }
        return username;
    }

    /** A free text name shown in lists: 1 to {@code max} characters, no control characters. */
    static String display(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException(field + " must be 1 to " + max + " characters, without control characters");
        }
        return value.strip();
    }
}
