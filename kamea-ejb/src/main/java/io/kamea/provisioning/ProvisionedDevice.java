package io.kamea.provisioning;

/** A device just provisioned, with the credentials shown to the caller this once only. */
public record ProvisionedDevice(Device device, String login, String password) {
}
