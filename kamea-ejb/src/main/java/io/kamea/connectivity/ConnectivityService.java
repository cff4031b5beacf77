package io.kamea.connectivity;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads the connectivity of devices, as the API and other features need it. */
@Stateless
public class ConnectivityService {

    @PersistenceContext
    EntityManager em;

    /** Whether the device has a broker connection open, as last known (false if never seen). */
    public boolean isConnected(String deviceId) {
        DeviceConnectivity state = deviceId == null ? null : em.find(DeviceConnectivity.class, deviceId);
        return state != null && state.isConnected();
    }

    /** How many devices have a broker connection open, as last known. */
    public long connectedDevices() {
        return em.createQuery(Queries.CONNECTED_COUNT, Long.class).getSingleResult();
    }

    /** The device's state with its latest {@code historyLimit} transitions, newest first. */
    public ConnectivityState state(String deviceId, int historyLimit) {
        DeviceConnectivity state = em.find(DeviceConnectivity.class, deviceId);
        var history = historyLimit <= 0 ? java.util.List.<ConnectivityTransition>of() : em.createQuery(Queries.HISTORY, ConnectivityTransition.class)
                .setParameter("id", deviceId)
                .setMaxResults(historyLimit)
                .getResultList();
        if (state == null) {
            return new ConnectivityState(deviceId, false, null, null, history);
        }
        return new ConnectivityState(deviceId, state.isConnected(), state.since(), state.lastSeen(), history);
    }
}
