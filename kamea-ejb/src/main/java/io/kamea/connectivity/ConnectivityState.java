package io.kamea.connectivity;

import java.time.Instant;
import java.util.List;

/**
 * What is known of a device's connectivity.
 *
 * @param since when the current state began; null if the device was never seen connected
 * @param lastSeen last time it was known to be connected; null if never
 * @param history its latest transitions, newest first
 */
public record ConnectivityState(String deviceId, boolean connected, Instant since, Instant lastSeen,
                                List<ConnectivityTransition> history) {
}
