package io.kamea.provisioning;

import io.kamea.platform.KameaException;

public class DuplicateDeviceException extends KameaException {

    public DuplicateDeviceException(String name) {
        super(409, "Device already exists", "A device named '" + name + "' already exists");
    }
}
