package io.kamea.broker;

import io.kamea.platform.KameaException;

/** The broker could not be reached or refused a change; nothing was left half-made. */
public class BrokerUnavailableException extends KameaException {

    public BrokerUnavailableException(String detail, Throwable cause) {
        super(503, "Broker unavailable", detail, cause);
    }
}
