package io.kamea.broker;

import io.kamea.platform.KameaException;

/**
 * A device cannot take this name: it is a broker account or MQTT client id of Kamea's own, or a
 * broker user that Kamea did not create for a device (an operator's account). Answered 409.
 */
public class ReservedNameException extends KameaException {

    public ReservedNameException(String name) {
        super(409, "Name reserved for a service account", "'" + name
                + "' is a broker account or MQTT client id that is not a device's (the broker's administrator,"
                + " Kamea's own MQTT session, or an account made on the broker by hand); a device cannot be named so");
    }
}
