package io.kamea.connectivity;

import java.util.HashSet;
import java.util.Set;

/**
 * Connections the polls found missing, remembered from one poll to the next: a connection is
 * called gone only when two polls in a row miss it. The management API lists connections from
 * statistics it collects every 5 s, and a broker busy with thousands of TLS handshakes collects
 * late: 5,000 devices connecting at 35 a second were missing from a listing 10–15 s after they
 * connected, and a poll closed 40–170 of them by mistake (closed connections stay closed).
 */
final class GoneSuspects {

    private Set<String> suspects = Set.of();

    /** The connections missing from this poll that the previous poll missed too. */
    synchronized Set<String> gone(Set<String> missingNow) {
        Set<String> gone = new HashSet<>(missingNow);
        gone.retainAll(suspects);
        suspects = Set.copyOf(missingNow);
        return gone;
    }
}
