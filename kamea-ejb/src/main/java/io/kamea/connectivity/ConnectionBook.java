package io.kamea.connectivity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that turn connection events and polls into open and closed connections, free of
 * persistence. News about a connection only counts if it is newer than what is known of it:
 * <ul>
 * <li>a "closed" closes only a connection opened at or before it, so a late "closed" never ends
 *     a newer connection of the same device (nor one that reuses the name);</li>
 * <li>a "created" (or a poll that saw the connection) never reopens a connection closed at or
 *     after it opened;</li>
 * <li>a poll closes only what a second look confirmed gone and what is older than the grace
 *     period, since the management API learns of new connections with a delay.</li>
 * </ul>
 * A device is connected while at least one of its connections is open.
 */
final class ConnectionBook {

    /** A connection the broker listed, with the device its user is. */
    record Seen(String name, String deviceId, Instant openedAt) {
    }

    private final Map<String, DeviceConnection> byName = new HashMap<>();
    private final List<DeviceConnection> added = new ArrayList<>();

    ConnectionBook(Collection<DeviceConnection> known) {
        known.forEach(c -> byName.put(c.name(), c));
    }

    /**
     * A connection.created event. Ignored if the connection is known closed since, or if it is
     * older than {@code notBefore} (the last poll, which would have seen it were it still open).
     *
     * @return the devices whose connections changed
     */
    Set<String> created(String deviceId, String name, Instant at, Instant notBefore) {
        DeviceConnection known = byName.get(name);
        if (known == null) {
            if (at.isBefore(notBefore)) {
                return Set.of();
            }
            add(new DeviceConnection(name, deviceId, at));
            return Set.of(deviceId);
        }
        if (!known.isOpen()) {
            if (!known.closedAt().isBefore(at) || at.isBefore(notBefore)) {
                return Set.of(); // closed after it opened: this is old news
            }
            String before = known.deviceId();
            known.reopen(deviceId, at);
            return devices(before, deviceId);
        }
        if (!known.deviceId().equals(deviceId)) {
            // the name was reused by another device: the old connection must have closed unseen
            String before = known.deviceId();
            known.reopen(deviceId, at);
            return devices(before, deviceId);
        }
        return Set.of();
    }

    /** A connection.closed event (the broker names the connection only, not its user). */
    Set<String> closed(String name, Instant at) {
        DeviceConnection known = byName.get(name);
        if (known == null || !known.isOpen() || known.openedAt().isAfter(at)) {
            // unknown (never a device's, or a created we will never see), already closed, or a
            // close of an older connection under a reused name
            return Set.of();
        }
        known.close(at);
        return Set.of(known.deviceId());
    }

    /**
     * A poll: opens what the broker listed, closes what a second look confirmed {@code gone}.
     *
     * @param seen the broker's connections whose user is a device
     * @param gone names the poller found missing twice in a row
     */
    Set<String> reconcile(Collection<Seen> seen, Set<String> gone, Instant pollStart, Duration grace) {
        Set<String> changed = new LinkedHashSet<>();
        Set<String> seenNames = new java.util.HashSet<>();
        for (Seen s : seen) {
            seenNames.add(s.name());
            DeviceConnection known = byName.get(s.name());
            if (known == null) {
                add(new DeviceConnection(s.name(), s.deviceId(), s.openedAt()));
                changed.add(s.deviceId());
            } else if (!known.isOpen()) {
                if (known.closedAt().isBefore(s.openedAt())) {
                    changed.addAll(devices(known.deviceId(), s.deviceId()));
                    known.reopen(s.deviceId(), s.openedAt());
                }
            } else if (!known.deviceId().equals(s.deviceId())) {
                changed.addAll(devices(known.deviceId(), s.deviceId()));
                known.reopen(s.deviceId(), s.openedAt());
            }
        }
        Instant oldEnough = pollStart.minus(grace);
        for (String name : gone) {
            DeviceConnection known = byName.get(name);
            if (known != null && known.isOpen() && !seenNames.contains(name) && known.openedAt().isBefore(oldEnough)) {
                known.close(pollStart);
                changed.add(known.deviceId());
            }
        }
        return changed;
    }

    /**
     * The open connections missing from a poll and old enough to be missed for real: the poller
     * looks again before it calls them gone.
     */
    static Set<String> missing(Map<String, Instant> open, Set<String> listed, Instant pollStart, Duration grace) {
        Instant oldEnough = pollStart.minus(grace);
        Set<String> missing = new LinkedHashSet<>();
        open.forEach((name, openedAt) -> {
            if (!listed.contains(name) && openedAt.isBefore(oldEnough)) {
                missing.add(name);
            }
        });
        return missing;
    }

    boolean isConnected(String deviceId) {
        return connectedSince(Set.of(deviceId)).containsKey(deviceId);
    }

    /** Of these devices, those connected, each with when its oldest open connection opened. */
    Map<String, Instant> connectedSince(Set<String> deviceIds) {
        Map<String, Instant> since = new HashMap<>();
        for (DeviceConnection c : byName.values()) {
            if (c.isOpen() && deviceIds.contains(c.deviceId())) {
                since.merge(c.deviceId(), c.openedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return since;
    }

    Optional<DeviceConnection> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Connections unknown before, to persist. */
    List<DeviceConnection> added() {
        return added;
    }

    private void add(DeviceConnection connection) {
        byName.put(connection.name(), connection);
        added.add(connection);
    }

    private static Set<String> devices(String a, String b) {
        return a.equals(b) ? Set.of(a) : Set.of(a, b);
    }
}
