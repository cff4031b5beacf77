package io.kamea.configuration;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** Where each configuration key stands between what is desired and what the device reported. */
public enum KeyState {
    /** The device reports the desired value (or both lack the key). */
    IN_SYNC,
    /** Desired since the device's last report: it has not caught up yet. */
    PENDING,
    /** The device reported something else after the desire was set, or a key nobody desired. */
    DRIFTED;

    /**
     * Compares key by key. A difference is pending while the device has not reported since the
     * desired configuration changed, drifted once it has and still differs.
     */
    public static Map<String, KeyState> compare(JsonObject desired, OffsetDateTime desiredAt,
                                                JsonObject reported, OffsetDateTime reportedAt) {
        Map<String, KeyState> states = new TreeMap<>();
        var keys = new TreeSet<String>();
        if (desired != null) {
            keys.addAll(desired.keySet());
        }
        if (reported != null) {
            keys.addAll(reported.keySet());
        }
        boolean reportedSinceDesire = reportedAt != null && (desiredAt == null || reportedAt.isAfter(desiredAt));
        for (String key : keys) {
            Object want = desired == null ? null : desired.get(key);
            Object have = reported == null ? null : reported.get(key);
            if (Objects.equals(want, have)) {
                states.put(key, IN_SYNC);
            } else if (want != null && !reportedSinceDesire) {
                states.put(key, PENDING);
            } else {
                states.put(key, DRIFTED);
            }
        }
        return states;
    }
}
