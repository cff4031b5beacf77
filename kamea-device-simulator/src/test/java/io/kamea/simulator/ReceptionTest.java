package io.kamea.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReceptionTest {

    private final Payload payload = new Payload("0a1b2c3d", 100);
    private final Reception reception = new Reception(payload);

    @Test
    void eachIntervalReportsItsOwnLongestLatency() {
        reception.received(payload.encode(Payload.nowMicros() - 200_000, 1));
        reception.received(payload.encode(Payload.nowMicros() - 5_000, 2));
        long first = reception.takeIntervalMaxMicros();
        assertTrue(first >= 200_000 && first < 10_000_000, "the 200 ms message is the first interval's longest: " + first);

        reception.received(payload.encode(Payload.nowMicros() - 5_000, 3));
        long second = reception.takeIntervalMaxMicros();
        assertTrue(second >= 5_000 && second < 200_000, "the second interval does not inherit the first's stall: " + second);

        assertEquals(0, reception.takeIntervalMaxMicros(), "nothing received, nothing to report");
    }

    @Test
    void messagesOfOtherRunsAreNotCounted() {
        Payload other = new Payload("ffffffff", 100);
        assertEquals(-1, reception.received(other.encode(Payload.nowMicros() - 200_000, 1)));
        assertEquals(0, reception.received());
        assertEquals(0, reception.takeIntervalMaxMicros());
    }
}
