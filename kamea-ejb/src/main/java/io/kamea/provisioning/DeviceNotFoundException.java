package io.kamea.provisioning;

import io.kamea.platform.KameaException;

public class DeviceNotFoundException extends KameaException {

    public DeviceNotFoundException(String id) {
        super(404, "Device not found", "No device with id " + id);
    }
}
