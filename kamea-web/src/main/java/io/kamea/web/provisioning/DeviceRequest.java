package io.kamea.web.provisioning;

/** Body of {@code POST /api/devices}. */
public record DeviceRequest(String name, String provisioning) {
}
