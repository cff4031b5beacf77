package io.kamea.connectivity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** A device became connected or disconnected, noticed by a connection event or by a poll. */
@Entity
@Table(name = "connectivity_transition")
public class ConnectivityTransition {

    /** How the change was noticed. */
    public enum Source {
        POLL, EVENT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "device_id", length = 36, nullable = false)
    private String deviceId;

    @Column(nullable = false)
    private boolean connected;

    @Column(nullable = false)
    private OffsetDateTime at;

    @Column(nullable = false, length = 8)
    private String source;

    protected ConnectivityTransition() {
        // for JPA
    }

    ConnectivityTransition(String deviceId, boolean connected, Instant at, Source source) {
        this.deviceId = deviceId;
        this.connected = connected;
        this.at = at.atOffset(ZoneOffset.UTC);
        this.source = source.wireName();
    }

    public String getDeviceId() {
        return deviceId;
    }

    public boolean isConnected() {
        return connected;
    }

    public Instant at() {
        return at.toInstant();
    }

    /** {@code poll} or {@code event}. */
    public String source() {
        return source;
    }
}
