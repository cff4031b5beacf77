package io.kamea.command;

import io.kamea.platform.InvalidRequestException;

/** What a command may be called and how long it may take. */
final class CommandNames {

    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final int MAX_TIMEOUT_SECONDS = 300;
    static final int MAX_NAME_LENGTH = 100;

    private CommandNames() {
    }

    /** The name becomes one level of the request topic: no separators, no wildcards. */
    static String valid(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidRequestException("name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidRequestException("name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        for (char c : name.toCharArray()) {
            if (c == '/' || c == '+' || c == '#' || c == '.' || Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new InvalidRequestException("name must be one MQTT topic level: no '/', '+', '#', '.', "
                        + "spaces or control characters, got '" + name + "'");
            }
        }
        return name;
    }

    static int validTimeout(Integer timeoutSeconds) {
        int timeout = timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
        if (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
            throw new InvalidRequestException("timeoutSeconds must be between 1 and " + MAX_TIMEOUT_SECONDS
                    + ", got " + timeout);
        }
        return timeout;
    }
}
