package io.kamea.connectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ordering rules of connection events and polls. */
class ConnectionBookTest {

    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant NO_POLL_YET = Instant.MIN;
    private static final Duration GRACE = ConnectivitySettings.LISTING_DELAY;

    private static Instant t(long seconds) {
        return T.plusSeconds(seconds);
    }

    @Test
    void createdThenClosedConnectsThenDisconnects() {
        ConnectionBook book = new ConnectionBook(List.of());
        assertEquals(Set.of("d1"), book.created("d1", "c1", t(0), NO_POLL_YET));
        assertTrue(book.isConnected("d1"));
        assertEquals(Set.of("d1"), book.closed("c1", t(5)));
        assertFalse(book.isConnected("d1"));
    }

    @Test
    void lateClosedOfTheOldConnectionDoesNotEndTheNewerOne() {
        // the device reconnects: the new connection is created before the old one is seen closed
        ConnectionBook book = new ConnectionBook(List.of());
        book.created("d1", "old", t(0), NO_POLL_YET);
        book.created("d1", "new", t(10), NO_POLL_YET);
        book.closed("old", t(11));
        assertTrue(book.isConnected("d1"), "connected while at least one connection is open");
        book.closed("new", t(20));
        assertFalse(book.isConnected("d1"));
    }

    @Test
    void closedOlderThanTheConnectionUnderTheSameNameIsIgnored() {
        // the broker reused the client port: "c1" now names a newer connection
        ConnectionBook book = new ConnectionBook(List.of());
        book.created("d1", "c1", t(10), NO_POLL_YET);
        assertEquals(Set.of(), book.closed("c1", t(5)));
        assertTrue(book.isConnected("d1"));
    }

    @Test
    void createdOlderThanAKnownCloseDoesNotReopen() {
        ConnectionBook book = new ConnectionBook(List.of());
        book.created("d1", "c1", t(0), NO_POLL_YET);
        book.closed("c1", t(5));
        assertEquals(Set.of(), book.created("d1", "c1", t(0), NO_POLL_YET), "a replayed created");
        assertFalse(book.isConnected("d1"));
        assertEquals(Set.of("d1"), book.created("d1", "c1", t(30), NO_POLL_YET), "the name reused later");
        assertTrue(book.isConnected("d1"));
    }

    @Test
    void createdOlderThanTheLastPollIsStale() {
        // a poll at t(100) saw no such connection: a "created" from before (queued while the
        // application was down) is history, not news
        ConnectionBook book = new ConnectionBook(List.of());
        assertEquals(Set.of(), book.created("d1", "c1", t(50), t(100).minus(GRACE)));
        assertFalse(book.isConnected("d1"));
        assertEquals(Set.of("d1"), book.created("d1", "c2", t(95), t(100).minus(GRACE)));
    }

    @Test
    void closedOfAnUnknownConnectionIsIgnored() {
        ConnectionBook book = new ConnectionBook(List.of());
        assertEquals(Set.of(), book.closed("admin-connection", t(1)));
        assertTrue(book.added().isEmpty());
    }

    @Test
    void nameTakenOverByAnotherDeviceMovesTheConnection() {
        ConnectionBook book = new ConnectionBook(List.of());
        book.created("d1", "c1", t(0), NO_POLL_YET);
        assertEquals(Set.of("d1", "d2"), book.created("d2", "c1", t(10), NO_POLL_YET));
        assertFalse(book.isConnected("d1"));
        assertTrue(book.isConnected("d2"));
    }

    @Test
    void pollOpensWhatItListsAndDatesItFromTheBroker() {
        ConnectionBook book = new ConnectionBook(List.of());
        Set<String> changed = book.reconcile(List.of(new ConnectionBook.Seen("c1", "d1", t(3))), Set.of(), t(10), GRACE);
        assertEquals(Set.of("d1"), changed);
        assertEquals(t(3), book.connectedSince(Set.of("d1")).get("d1"));
        assertEquals(1, book.added().size());
    }

    @Test
    void pollClosesOnlyWhatWasConfirmedGoneAndIsOldEnough() {
        DeviceConnection old = new DeviceConnection("old", "d1", t(0));
        DeviceConnection young = new DeviceConnection("young", "d2", t(95));
        DeviceConnection unconfirmed = new DeviceConnection("unconfirmed", "d3", t(0));
        ConnectionBook book = new ConnectionBook(List.of(old, young, unconfirmed));
        Set<String> changed = book.reconcile(List.of(), Set.of("old", "young"), t(100), GRACE);
        assertEquals(Set.of("d1"), changed);
        assertFalse(book.isConnected("d1"));
        assertTrue(book.isConnected("d2"), "the management API may not list it yet");
        assertTrue(book.isConnected("d3"), "missing once is not gone");
        assertEquals(t(100), old.closedAt());
    }

    @Test
    void pollTakenBeforeACloseDoesNotReopenIt() {
        // the poll listed c1 (opened at t(0)); the closed event at t(8) was applied before the poll's result
        DeviceConnection closed = new DeviceConnection("c1", "d1", t(0));
        closed.close(t(8));
        ConnectionBook book = new ConnectionBook(List.of(closed));
        assertEquals(Set.of(), book.reconcile(List.of(new ConnectionBook.Seen("c1", "d1", t(0))), Set.of(), t(5), GRACE));
        assertFalse(book.isConnected("d1"));
    }

    @Test
    void pollReconcilesMissedEvents() {
        // events lost: the book thinks d1 is connected and d2 is not; the broker says the opposite
        DeviceConnection stale = new DeviceConnection("c1", "d1", t(0));
        ConnectionBook book = new ConnectionBook(List.of(stale));
        Set<String> changed = book.reconcile(List.of(new ConnectionBook.Seen("c2", "d2", t(40))), Set.of("c1"), t(60), GRACE);
        assertEquals(Set.of("d1", "d2"), changed);
        assertFalse(book.isConnected("d1"));
        assertTrue(book.isConnected("d2"));
    }

    @Test
    void missingListsOldOpenConnectionsTheBrokerDidNotList() {
        Map<String, Instant> open = Map.of("listed", t(0), "gone", t(0), "young", t(95));
        assertEquals(Set.of("gone"), ConnectionBook.missing(open, Set.of("listed"), t(100), GRACE));
    }
}
