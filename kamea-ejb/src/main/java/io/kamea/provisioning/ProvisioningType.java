package io.kamea.provisioning;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a device proves its identity to the broker; it decides the device's interface name. */
public enum ProvisioningType {
    /** Generated login and password; the interface name is a random UUID. */
    PASSWORD,
    /**
     * A client certificate signed by a CA the broker trusts; the interface name is the
     * certificate's common name, given at provisioning.
     */
    CERTIFICATE,
    /**
     * A self-signed client certificate uploaded at provisioning, pinned on the device's broker
     * account by its fingerprint; the interface name is the certificate's common name.
     */
    SELF_SIGNED,
    /**
     * Created by Kamea itself when a device with a certificate from a whitelisted CA connects
     * unannounced (see {@link AutoProvisioning}); never asked for through the API. Like
     * {@link #CERTIFICATE}, the interface name is the certificate's common name.
     */
    AUTO;

    /** Whether an operator may ask for this type at {@code POST /api/devices}. */
    public boolean requestable() {
        return this != AUTO;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ProvisioningType> fromWireName(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
    }
}
