package io.kamea.provisioning.bans;

import io.kamea.platform.KameaException;

/** That certificate or common name is banned already; answered 409 with the ban's id. */
public class DuplicateBanException extends KameaException {

    DuplicateBanException(String subject, String existingId) {
        super(409, "Already banned", "The " + subject + " is banned already"
                + (existingId == null ? "" : " (ban " + existingId + ")"));
    }
}
