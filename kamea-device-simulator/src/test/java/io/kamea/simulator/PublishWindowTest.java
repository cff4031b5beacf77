package io.kamea.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PublishWindowTest {

    @Test
    void hasNoRoomBeforeTheConnectionIsUp() {
        assertFalse(new PublishWindow(2).hasRoom());
    }

    @Test
    void isFullAtItsSizeAndAnAcknowledgementMakesRoom() {
        PublishWindow window = open(2);
        window.sent();
        window.sent();
        assertFalse(window.hasRoom());
        assertTrue(window.settle());
        assertTrue(window.hasRoom());
        assertFalse(window.isIdle());
        assertTrue(window.settle());
        assertTrue(window.isIdle());
    }

    @Test
    void aLostConnectionGivesUpWhatIsInFlightOnceAndLateOutcomesAreNotCountedAgain() {
        PublishWindow window = open(10);
        window.sent();
        window.sent();
        window.sent();
        assertTrue(window.settle());
        assertEquals(2, window.abandon());
        assertTrue(window.isIdle());
        assertFalse(window.hasRoom());
        assertFalse(window.settle(), "a write failure reported after the close was counted by abandon()");
    }

    @Test
    void aShutWindowSendsNoMoreButItsPublishesStillSettle() {
        PublishWindow window = open(10);
        window.sent();
        window.shut();
        assertFalse(window.hasRoom());
        assertTrue(window.settle());
        assertTrue(window.isIdle());
    }

    private static PublishWindow open(int size) {
        PublishWindow window = new PublishWindow(size);
        window.open();
        return window;
    }
}
