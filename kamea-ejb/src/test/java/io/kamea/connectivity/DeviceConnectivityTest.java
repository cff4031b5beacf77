package io.kamea.connectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.connectivity.ConnectivityTransition.Source;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceConnectivityTest {

    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aTransitionOnlyWhenTheStateChanges() {
        DeviceConnectivity state = new DeviceConnectivity("d1", T);
        assertNull(state.lastSeen());
        var up = state.become(true, T.plusSeconds(1), Source.EVENT).orElseThrow();
        assertTrue(up.isConnected());
        assertEquals("event", up.source());
        assertEquals(T.plusSeconds(1), state.since());
        assertTrue(state.become(true, T.plusSeconds(5), Source.POLL).isEmpty());
        assertEquals(T.plusSeconds(5), state.lastSeen(), "seen again, still connected since the first time");
        assertEquals(T.plusSeconds(1), state.since());

        var down = state.become(false, T.plusSeconds(9), Source.POLL).orElseThrow();
        assertFalse(down.isConnected());
        assertEquals("poll", down.source());
        assertEquals(T.plusSeconds(9), state.lastSeen(), "connected until it went");
    }

    @Test
    void aTransitionIsNeverDatedBeforeTheStateItEnds() {
        DeviceConnectivity state = new DeviceConnectivity("d1", T);
        state.become(true, T.plusSeconds(10), Source.EVENT);
        var down = state.become(false, T.plusSeconds(4), Source.POLL).orElseThrow();
        assertEquals(T.plusSeconds(10), down.at());
    }
}
