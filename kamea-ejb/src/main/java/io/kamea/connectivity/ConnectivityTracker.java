package io.kamea.connectivity;

import io.kamea.broker.BrokerSettings;
import io.kamea.provisioning.DeviceDirectory;
import io.kamea.provisioning.DeviceDirectory.DeviceInfo;
import jakarta.annotation.Resource;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Applies connection events and polls to the stored connectivity, one at a time: events and polls
 * read and write the same rows, so they are serialised here (write lock) and each commits before
 * the lock is released (bean-managed transaction). Devices that became connected are returned,
 * for the caller to announce outside the lock.
 */
@Singleton
@Lock(LockType.WRITE)
@AccessTimeout(value = 60, unit = TimeUnit.SECONDS)
@TransactionManagement(TransactionManagementType.BEAN)
public class ConnectivityTracker {

    /** A broker connection as a poll listed it. */
    public record Listed(String name, String user, Instant openedAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    DeviceDirectory directory;

    @Inject
    BrokerSettings broker;

    @Inject
    ConnectivitySettings settings;

    /** Start of the last poll applied: "created" events older than it (minus the listing delay) are stale. */
    private Instant lastPoll = Instant.MIN;

    /** Applies a batch of connection events, in order. */
    public List<DeviceConnected> apply(List<ConnectionEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return inTransaction(() -> {
            Set<String> users = new HashSet<>();
            for (ConnectionEvent e : events) {
                if (e.kind() == ConnectionEvent.Kind.CREATED && e.user() != null && inOurVhost(e)) {
                    users.add(e.user());
                }
            }
            Map<String, DeviceInfo> devices = users.isEmpty() ? Map.of() : directory.byInterfaceNames(users);
            Set<String> names = new HashSet<>();
            events.forEach(e -> names.add(e.connectionName()));
            List<DeviceConnection> known = new ArrayList<>(em.createQuery(Queries.CONNECTIONS_NAMED, DeviceConnection.class)
                    .setParameter("names", names).getResultList());
            Set<String> deviceIds = new HashSet<>();
            devices.values().forEach(d -> deviceIds.add(d.id()));
            known.forEach(c -> deviceIds.add(c.deviceId()));
            if (!deviceIds.isEmpty()) {
                // all connections of these devices: one of them may keep the device connected
                em.createQuery(Queries.CONNECTIONS_OF_DEVICES, DeviceConnection.class)
                        .setParameter("ids", deviceIds).getResultList().stream()
                        .filter(c -> !names.contains(c.name())).forEach(known::add);
            }
            ConnectionBook book = new ConnectionBook(known);
            Instant notBefore = lastPoll == Instant.MIN ? Instant.MIN : lastPoll.minus(ConnectivitySettings.LISTING_DELAY);
            States states = new States(deviceIds);
            Map<String, String> interfaceNames = new HashMap<>();
            devices.values().forEach(d -> interfaceNames.put(d.id(), d.interfaceName()));
            for (ConnectionEvent e : events) {
                Set<String> changed;
                if (e.kind() == ConnectionEvent.Kind.CLOSED) {
                    changed = book.closed(e.connectionName(), e.at());
                } else {
                    DeviceInfo device = e.user() == null || !inOurVhost(e) ? null : devices.get(e.user());
                    if (device == null) {
                        continue; // not a device: the admin, the API's own MQTT client, ...
                    }
                    changed = book.created(device.id(), e.connectionName(), e.at(), notBefore);
                }
                for (String id : changed) {
                    DeviceConnectivity state = states.of(id, e.at());
                    boolean connected = book.isConnected(id);
                    state.become(connected, e.at(), ConnectivityTransition.Source.EVENT).ifPresent(states::record);
                }
            }
            book.added().forEach(em::persist);
            return states.finish(interfaceNames);
        });
    }

    /**
     * Applies a poll: what the broker listed, and which open connections a second look found gone.
     */
    public List<DeviceConnected> reconcile(Collection<Listed> listed, Set<String> gone, Instant pollStart) {
        return inTransaction(() -> {
            em.createQuery(Queries.DELETE_OLD_TOMBSTONES)
                    .setParameter("before", pollStart.minus(ConnectivitySettings.TOMBSTONE_RETENTION).atOffset(ZoneOffset.UTC))
                    .executeUpdate();
            List<DeviceConnection> known = em.createQuery(Queries.ALL_CONNECTIONS, DeviceConnection.class).getResultList();
            ConnectionBook book = new ConnectionBook(known);
            // Only connections not known open need their user looked up: none in the steady state.
            Set<String> users = new HashSet<>();
            for (Listed l : listed) {
                if (book.get(l.name()).filter(DeviceConnection::isOpen).isEmpty()) {
                    users.add(l.user());
                }
            }
            Map<String, DeviceInfo> devices = new HashMap<>();
            List<String> pending = new ArrayList<>(users);
            for (int i = 0; i < pending.size(); i += 1000) {
                devices.putAll(directory.byInterfaceNames(pending.subList(i, Math.min(i + 1000, pending.size()))));
            }
            List<ConnectionBook.Seen> seen = new ArrayList<>();
            for (Listed l : listed) {
                var open = book.get(l.name()).filter(DeviceConnection::isOpen);
                if (open.isPresent()) {
                    seen.add(new ConnectionBook.Seen(l.name(), open.get().deviceId(), l.openedAt()));
                } else if (devices.containsKey(l.user())) {
                    seen.add(new ConnectionBook.Seen(l.name(), devices.get(l.user()).id(), l.openedAt()));
                }
            }
            Set<String> changed = book.reconcile(seen, gone, pollStart, ConnectivitySettings.LISTING_DELAY);
            book.added().forEach(em::persist);
            States states = new States(changed);
            Map<String, Instant> connectedSince = book.connectedSince(changed);
            for (String id : changed) {
                Instant since = connectedSince.get(id);
                boolean connected = since != null;
                states.of(id, pollStart).become(connected, connected ? since : pollStart,
                        ConnectivityTransition.Source.POLL).ifPresent(states::record);
            }
            Map<String, String> interfaceNames = new HashMap<>();
            devices.values().forEach(d -> interfaceNames.put(d.id(), d.interfaceName()));
            List<DeviceConnected> connected = states.finish(interfaceNames);
            em.flush();
            em.createQuery(Queries.TOUCH_CONNECTED)
                    .setParameter("now", pollStart.atOffset(ZoneOffset.UTC)).executeUpdate();
            lastPoll = pollStart;
            return connected;
        });
    }

    /** The open connections, by name, with when each opened. */
    @Lock(LockType.READ)
    public Map<String, Instant> openConnections() {
        Map<String, Instant> open = new HashMap<>();
        for (Object[] row : em.createQuery(Queries.OPEN_CONNECTIONS, Object[].class).getResultList()) {
            open.put((String) row[0], ((java.time.OffsetDateTime) row[1]).toInstant());
        }
        return open;
    }

    private boolean inOurVhost(ConnectionEvent e) {
        return e.vhost() == null || e.vhost().equals(broker.vhost());
    }

    /** The states of the devices a batch touches, loaded on first use, and their new transitions. */
    private final class States {
        private final Map<String, DeviceConnectivity> loaded = new HashMap<>();
        private final Map<String, ConnectivityTransition> lastTransition = new LinkedHashMap<>();
        private final Set<String> withTransitions = new HashSet<>();

        States(Set<String> deviceIds) {
            if (!deviceIds.isEmpty()) {
                em.createQuery(Queries.STATES_OF, DeviceConnectivity.class).setParameter("ids", deviceIds)
                        .getResultList().forEach(s -> loaded.put(s.getDeviceId(), s));
            }
        }

        DeviceConnectivity of(String deviceId, Instant at) {
            return loaded.computeIfAbsent(deviceId, id -> {
                DeviceConnectivity state = new DeviceConnectivity(id, at);
                em.persist(state);
                return state;
            });
        }

        void record(ConnectivityTransition transition) {
            em.persist(transition);
            lastTransition.put(transition.getDeviceId(), transition);
            withTransitions.add(transition.getDeviceId());
        }

        /** Bounds the histories; returns the devices whose last transition was to connected. */
        List<DeviceConnected> finish(Map<String, String> interfaceNames) {
            if (withTransitions.isEmpty()) {
                return List.of();
            }
            em.flush();
            for (String id : withTransitions) {
                em.createNativeQuery(Queries.PRUNE_HISTORY).setParameter(1, id)
                        .setParameter(2, settings.historySize() - 1).executeUpdate();
            }
            List<DeviceConnected> connected = new ArrayList<>();
            lastTransition.forEach((id, t) -> {
                if (t.isConnected()) {
                    connected.add(new DeviceConnected(id, Objects.requireNonNullElseGet(interfaceNames.get(id),
                            () -> interfaceNameOf(id))));
                }
            });
            return connected;
        }
    }

    private String interfaceNameOf(String deviceId) {
        return em.createQuery(Queries.INTERFACE_NAME, String.class).setParameter("id", deviceId).getSingleResult();
    }

    private <T> T inTransaction(Callable<T> work) {
        try {
            transaction.begin();
            T result = work.call();
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } catch (Exception e) {
            // begin/commit failures (JTA's checked exceptions): the database did not take the change
            rollback();
            throw new PersistenceException("Connectivity not stored: " + e, e);
        }
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception ignored) {
            // the original failure is what matters
        }
    }
}
