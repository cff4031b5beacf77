package io.kamea.provisioning;

/**
 * The JPQL of this package. Not named queries: on Payara 6 (EclipseLink 4.0.7) some of them went
 * missing after a redeployment or a restart ("NamedQuery ... not found"); EclipseLink parses and
 * caches these strings just the same.
 */
final class Queries {

    static final String DEVICE_BY_NAME = "select d from Device d where d.name = :name";
    static final String DEVICE_BY_INTERFACE_NAME = "select d from Device d where d.interfaceName = :interfaceName";
    static final String DEVICE_PAGE = "select d from Device d order by d.createdAt desc, d.id";
    static final String DEVICE_COUNT = "select count(d) from Device d";
    /** Devices whose connectivity state (io.kamea.connectivity.DeviceConnectivity) says connected. */
    private static final String CONNECTED = "exists (select s from DeviceConnectivity s where s.deviceId = d.id and s.connected = true)";
    static final String CONNECTED_DEVICE_PAGE = "select d from Device d where " + CONNECTED + " order by d.createdAt desc, d.id";
    static final String CONNECTED_DEVICE_COUNT = "select count(d) from Device d where " + CONNECTED;
    static final String DISCONNECTED_DEVICE_PAGE = "select d from Device d where not " + CONNECTED + " order by d.createdAt desc, d.id";
    static final String DISCONNECTED_DEVICE_COUNT = "select count(d) from Device d where not " + CONNECTED;
    static final String DEVICES_BY_INTERFACE_NAMES = "select d from Device d where d.interfaceName in :names";

    private Queries() {
    }
}
