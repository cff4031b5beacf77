package io.kamea.connectivity;

/** The JPQL and SQL of this package (strings, not named queries: see io.kamea.provisioning.Queries). */
final class Queries {

    static final String CONNECTIONS_NAMED = "select c from DeviceConnection c where c.name in :names";
    static final String CONNECTIONS_OF_DEVICES = "select c from DeviceConnection c where c.deviceId in :ids";
    static final String ALL_CONNECTIONS = "select c from DeviceConnection c";
    static final String OPEN_CONNECTIONS = "select c.name, c.openedAt from DeviceConnection c where c.closedAt is null";
    static final String DELETE_OLD_TOMBSTONES = "delete from DeviceConnection c where c.closedAt < :before";
    static final String STATES_OF = "select s from DeviceConnectivity s where s.deviceId in :ids";
    static final String CONNECTED_COUNT = "select count(s) from DeviceConnectivity s where s.connected = true";
    static final String TOUCH_CONNECTED = "update DeviceConnectivity s set s.lastSeen = :now where s.connected = true";
    static final String INTERFACE_NAME = "select d.interfaceName from Device d where d.id = :id";
    static final String HISTORY = "select t from ConnectivityTransition t where t.deviceId = :id order by t.at desc, t.id desc";
    /** Keeps the newest transitions of device ?1: deletes those older than the (?2 + 1)th newest. */
    static final String PRUNE_HISTORY = "DELETE FROM connectivity_transition WHERE device_id = ?1 AND id < "
            + "(SELECT id FROM connectivity_transition WHERE device_id = ?1 ORDER BY id DESC OFFSET ?2 LIMIT 1)";

    private Queries() {
    }
}
