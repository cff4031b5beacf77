package io.kamea.connectivity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Whether a device is connected, since when, and when it was last known to be connected. */
@Entity
@Table(name = "device_connectivity")
public class DeviceConnectivity {

    @Id
    @Column(name = "device_id", length = 36)
    private String deviceId;

    @Column(nullable = false)
    private boolean connected;

    @Column(nullable = false)
    private OffsetDateTime since;

    @Column(name = "last_seen")
    private OffsetDateTime lastSeen;

    protected DeviceConnectivity() {
        // for JPA
    }

    /** A device not seen before: disconnected, as far as anyone knows. */
    DeviceConnectivity(String deviceId, Instant at) {
        this.deviceId = deviceId;
        this.since = at.atOffset(ZoneOffset.UTC);
    }

    /**
     * Moves to {@code connected} at {@code at}; returns the transition if the state changed. A
     * transition is never dated before the state it ends, so the history stays in order.
     */
    Optional<ConnectivityTransition> become(boolean connected, Instant at, ConnectivityTransition.Source source) {
        if (connected) {
            seen(at);
        }
        if (connected == this.connected) {
            return Optional.empty();
        }
        Instant when = at.isBefore(since()) ? since() : at;
        if (!connected) {
            // it was connected until now
            seen(when);
        }
        this.connected = connected;
        this.since = when.atOffset(ZoneOffset.UTC);
        return Optional.of(new ConnectivityTransition(deviceId, connected, when, source));
    }

    void seen(Instant at) {
        if (lastSeen == null || lastSeen.toInstant().isBefore(at)) {
            lastSeen = at.atOffset(ZoneOffset.UTC);
        }
    }

    public String getDeviceId() {
        return deviceId;
    }

    public boolean isConnected() {
        return connected;
    }

    public Instant since() {
        return since.toInstant();
    }

    /** Null if the device was never seen connected. */
    public Instant lastSeen() {
        return lastSeen == null ? null : lastSeen.toInstant();
    }
}
