package io.kamea.provisioning.bans;

import io.kamea.platform.InvalidRequestException;

/** Why a ban was made: required, one line of at most {@value #MAX_LENGTH} characters, kept and logged as is. */
final class Reasons {

    static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    static String valid(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason is required: why the ban (it is kept with it)");
        }
        String text = reason.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidRequestException("reason is longer than " + MAX_LENGTH + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("reason may not contain line breaks or control characters");
        }
        return text;
    }
}
