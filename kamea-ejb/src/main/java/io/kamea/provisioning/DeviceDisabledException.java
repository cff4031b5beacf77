package io.kamea.provisioning;

import io.kamea.platform.KameaException;

/** The device is disabled and what was asked would let it in; answered 409. */
public class DeviceDisabledException extends KameaException {

    public DeviceDisabledException(String id) {
        super(409, "Device disabled", "Device " + id + " is disabled; enable it first");
    }
}
