package io.kamea.connectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.broker.BrokerSettings;
import io.kamea.broker.RabbitManagementApi;
import io.kamea.broker.RabbitManagementApi.ConnectionPage;
import io.kamea.broker.RabbitManagementApi.ConnectionSummary;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectivityPollerTest {

    private final ConnectivityPoller poller = new ConnectivityPoller();
    private final RabbitManagementApi api = mock(RabbitManagementApi.class);

    @BeforeEach
    void wire() {
        poller.api = api;
        poller.broker = mock(BrokerSettings.class);
        when(poller.broker.vhost()).thenReturn("kamea");
        poller.settings = mock(ConnectivitySettings.class);
        when(poller.settings.pageSize()).thenReturn(2);
    }

    @Test
    void pagesOfOneSnapshotAreConsistentAndOnlyOurVhostIsListed() {
        when(api.connections(1, 2, ConnectivityPoller.COLUMNS, "name")).thenReturn(page(2, 3, "a", "b"));
        when(api.connections(2, 2, ConnectivityPoller.COLUMNS, "name"))
                .thenReturn(new ConnectionPage(List.of(new ConnectionSummary("c", "admin", "other", 1L)), 2, 2, 3));

        ConnectivityPoller.Listing listing = poller.list();

        assertEquals(Set.of("a", "b"), listing.names());
        assertTrue(listing.consistent());
    }

    @Test
    void aConnectionOpenedBetweenPagesMakesTheListingInconsistent() {
        // "a0" opened after page 1 was read: it pushed "b" onto page 2, where it is seen twice,
        // while the total grew; with a close instead, one would be skipped.
        when(api.connections(1, 2, ConnectivityPoller.COLUMNS, "name")).thenReturn(page(2, 3, "a", "b"));
        when(api.connections(2, 2, ConnectivityPoller.COLUMNS, "name")).thenReturn(page(2, 4, "b", "c"));

        assertFalse(poller.list().consistent());
    }

    @Test
    void onlyConnectionsTheBrokerDoesNotKnowAreGoneAndAtMostSoManyAreAskedForAPoll() {
        Response notFound = mock(Response.class);
        when(notFound.getStatus()).thenReturn(404);
        when(notFound.getStatusInfo()).thenReturn(Response.Status.NOT_FOUND);
        doThrow(new WebApplicationException(notFound)).when(api).connection(anyString());
        doReturn(new RabbitManagementApi.Connection("still-there", "d1")).when(api).connection("still-there");

        assertEquals(Set.of("closed"), poller.confirmedGone(new LinkedHashSet<>(List.of("still-there", "closed"))));

        Set<String> many = new LinkedHashSet<>();
        IntStream.range(0, ConnectivityPoller.MAX_CONFIRMATIONS + 50).forEach(i -> many.add("c" + i));
        assertEquals(ConnectivityPoller.MAX_CONFIRMATIONS, poller.confirmedGone(many).size());
        verify(api, times(2 + ConnectivityPoller.MAX_CONFIRMATIONS)).connection(anyString());
    }

    private static ConnectionPage page(int pageCount, int total, String... names) {
        return new ConnectionPage(Arrays.stream(names)
                .map(n -> new ConnectionSummary(n, "dev-" + n, "kamea", 1L)).toList(), 1, pageCount, total);
    }
}
