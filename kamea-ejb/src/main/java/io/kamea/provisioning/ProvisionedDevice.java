package io.kamea.provisioning;

/**
 * A device just provisioned, with the credentials shown to the caller this once only (none,
 * null login and password, for a certificate device).
 */
public record ProvisionedDevice(Device device, String login, String password) {
}
