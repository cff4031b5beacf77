package io.kamea.web.provisioning;

/**
 * Body of {@code POST /api/devices}. {@code commonName}: with provisioning {@code certificate}
 * only, the CN of the device's certificate, which becomes its interface name. {@code certificate}:
 * with provisioning {@code self-signed} only, the device's self-signed certificate (PEM), whose CN
 * becomes its interface name.
 */
public record DeviceRequest(String name, String provisioning, String commonName, String certificate) {
}
