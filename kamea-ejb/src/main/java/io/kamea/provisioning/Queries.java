package io.kamea.provisioning;

import java.util.List;

/**
 * The JPQL of this package. Not named queries: on Payara 6 (EclipseLink 4.0.7) some of them went
 * missing after a redeployment or a restart ("NamedQuery ... not found"); EclipseLink parses and
 * caches these strings just the same.
 */
final class Queries {

    static final String DEVICE_BY_NAME = "select d from Device d where d.name = :name";
    static final String DEVICE_BY_INTERFACE_NAME = "select d from Device d where d.interfaceName = :interfaceName";
    static final String DEVICES_BY_INTERFACE_NAMES = "select d from Device d where d.interfaceName in :names";
    /** Devices whose connectivity state (io.kamea.connectivity.DeviceConnectivity) says connected. */
    static final String CONNECTED = "exists (select s from DeviceConnectivity s where s.deviceId = d.id and s.connected = true)";
    static final String WITH_STATUS = "d.status = :status";

    /** A page of devices, newest first, restricted by these JPQL conditions on {@code d} (all of them). */
    static String devicePage(List<String> conditions) {
        return "select d from Device d" + where(conditions) + " order by d.createdAt desc, d.id";
    }

    static String deviceCount(List<String> conditions) {
        return "select count(d) from Device d" + where(conditions);
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private Queries() {
    }
}
