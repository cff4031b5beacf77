package io.kamea.provisioning;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a device may send. Only auto-provisioned devices are ever {@link #PENDING}: when
 * operators must approve them ({@code KAMEA_AUTO_PROVISIONING_APPROVAL}), they may connect and
 * read their topics but publish nothing until approved.
 */
public enum DeviceStatus {
    ACTIVE,
    PENDING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeviceStatus> fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
    }
}
