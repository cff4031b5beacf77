package io.kamea.provisioning;

import io.kamea.platform.KameaException;

/** A device with that name, or with that interface name (certificate common name), exists. */
public class DuplicateDeviceException extends KameaException {

    public DuplicateDeviceException(String name) {
        super(409, "Device already exists", "A device named '" + name + "' already exists");
    }

    private DuplicateDeviceException(String title, String detail) {
        super(409, title, detail);
    }

    static DuplicateDeviceException commonName(String commonName) {
        return new DuplicateDeviceException("Common name already used",
                "A device with the common name '" + commonName + "' already exists");
    }
}
