package io.kamea.provisioning.bans;

import io.kamea.platform.KameaException;

/**
 * What was asked would let a banned certificate or common name in (provisioning it, enabling its
 * device): answered 409, naming the ban to lift first.
 */
public class BannedException extends KameaException {

    public BannedException(Ban ban) {
        super(409, "Banned", "The " + ban.subject() + " is banned (ban " + ban.getId() + ": " + ban.getReason()
                + "); lift the ban first");
    }
}
