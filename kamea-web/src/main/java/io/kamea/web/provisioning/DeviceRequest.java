package io.kamea.web.provisioning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/devices}. {@code commonName}: with provisioning {@code certificate}
 * only, the CN of the device's certificate, which becomes its interface name.
 */
@Schema(name = "DeviceRequest", description = "A device to provision")
public record DeviceRequest(
        @Schema(description = "Unique name, 1 to 200 characters", example = "boiler-42", required = true)
        String name,
        @Schema(description = "How the device logs in to the broker", enumeration = {"password", "certificate"},
                required = true)
        String provisioning,
        @Schema(description = "With certificate only (then required): the CN of the device's certificate, which "
                + "becomes its interface name; one topic level, no / + # . * or spaces, 1 to 64 characters",
                example = "boiler-43-plant-7")
        String commonName) {
}
