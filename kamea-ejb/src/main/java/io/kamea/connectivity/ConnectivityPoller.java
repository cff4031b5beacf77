package io.kamea.connectivity;

import io.kamea.broker.BrokerSettings;
import io.kamea.broker.RabbitManagementApi;
import io.kamea.platform.ClusterLeases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code CONNECTIVITY_POLL_SECONDS}, lists the broker's connections (only the columns
 * needed, page by page) and reconciles the stored connectivity with them. A non-persistent
 * interval timer; a poll still running when the next is due makes that one skip. In a cluster every
 * server's timer fires but only the holder of the poll's lease polls.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ConnectivityPoller {

    static final String COLUMNS = "name,user,vhost,connected_at";
    static final String LEASE = "connectivity-poll";
    /** Connections asked for one by one in a poll, at most (a broker call each). */
    static final int MAX_CONFIRMATIONS = 200;

    private static final Logger LOG = Logger.getLogger(ConnectivityPoller.class.getName());

    @Resource
    TimerService timers;

    @Inject
    RabbitManagementApi api;

    @Inject
    BrokerSettings broker;

    @Inject
    ConnectivitySettings settings;

    @Inject
    ConnectivityTracker tracker;

    @Inject
    ConnectivityNotifier notifier;

    @Inject
    ConnectionEventQueue eventQueue;

    @Inject
    ClusterLeases leases;

    @Inject
    Event<ConnectivityPolled> polled;

    Clock clock = Clock.systemUTC();

    private final AtomicBoolean polling = new AtomicBoolean();
    private final GoneSuspects suspects = new GoneSuspects();
    private volatile boolean brokerWasDown;

    @PostConstruct
    void start() {
        long period = settings.pollPeriod().toMillis();
        timers.createIntervalTimer(1_000, period, new TimerConfig("kamea-connectivity-poll", false));
        LOG.info(() -> "Connectivity: polling the broker's connections every " + settings.pollPeriod().toSeconds() + " s");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimeout() {
        if (!polling.compareAndSet(false, true)) {
            return; // the previous poll is still running
        }
        try {
            // Held for three periods: a dead holder is replaced within three periods.
            if (!leases.tryTake(LEASE, settings.pollPeriod().multipliedBy(3))) {
                return;
            }
            eventQueue.ensureDeclared();
            poll();
            if (brokerWasDown) {
                brokerWasDown = false;
                LOG.info("Connectivity: the broker answers again");
            }
        } catch (ProcessingException | WebApplicationException e) {
            if (!brokerWasDown) {
                brokerWasDown = true;
                LOG.warning(() -> "Connectivity: cannot list the broker's connections (" + e.getMessage()
                        + "); states are kept as they are until it answers");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Connectivity: poll failed", e);
        } finally {
            polling.set(false);
        }
    }

    /** One poll; public for operations and tests. */
    public void poll() {
        Instant start = clock.instant();
        Listing listing = list();
        List<ConnectivityTracker.Listed> listed = listing.connections();
        Set<String> names = listing.names();
        Set<String> missing = ConnectionBook.missing(tracker.openConnections(), names, start,
                ConnectivitySettings.LISTING_DELAY);
        Set<String> gone = Set.of();
        if (!missing.isEmpty()) {
            // A listing in pages can miss a connection when others open or close meanwhile: look
            // again before calling anything gone, and ask for each one if pages shifted again.
            Listing again = list();
            gone = new HashSet<>(missing);
            gone.removeAll(again.names());
            if (!again.consistent()) {
                gone = confirmedGone(gone);
            }
        }
        gone = suspects.gone(gone);
        List<DeviceConnected> connected = tracker.reconcile(listed, gone, start);
        notifier.announce(connected);
        Duration took = Duration.between(start, clock.instant());
        polled.fire(new ConnectivityPolled(took, listed.size()));
        LOG.fine(() -> "Connectivity: poll of " + listed.size() + " connections in " + took.toMillis() + " ms");
    }

    /**
     * The candidates the broker says it does not have, asked one by one (at most
     * {@link #MAX_CONFIRMATIONS} a poll; the others wait for the next poll).
     */
    Set<String> confirmedGone(Set<String> candidates) {
        Set<String> gone = new HashSet<>();
        int asked = 0;
        for (String name : candidates) {
            if (asked++ == MAX_CONFIRMATIONS) {
                break;
            }
            try {
                api.connection(name);
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() != 404) {
                    throw e;
                }
                gone.add(name);
            }
        }
        return gone;
    }

    /**
     * The connections of our vhost, and whether the pages make one snapshot: every page counted
     * the same total and the pages held exactly that many distinct connections. Connections that
     * open or close between two pages shift the others across pages, so some may be listed twice
     * or not at all.
     */
    record Listing(List<ConnectivityTracker.Listed> connections, boolean consistent) {
        Set<String> names() {
            Set<String> names = new HashSet<>();
            connections.forEach(c -> names.add(c.name()));
            return names;
        }
    }

    /** The broker's connections in our vhost, all pages. */
    Listing list() {
        List<ConnectivityTracker.Listed> listed = new ArrayList<>();
        Set<String> all = new HashSet<>();
        int items = 0;
        Integer total = null;
        boolean sameTotal = true;
        int page = 1;
        int pages;
        do {
            RabbitManagementApi.ConnectionPage answer = api.connections(page, settings.pageSize(), COLUMNS, "name");
            pages = answer.page_count();
            sameTotal &= total == null || total == answer.total_count();
            total = answer.total_count();
            if (answer.items() != null) {
                for (RabbitManagementApi.ConnectionSummary c : answer.items()) {
                    items++;
                    all.add(c.name());
                    if (c.name() != null && c.user() != null && broker.vhost().equals(c.vhost())) {
                        Instant opened = c.connected_at() != null ? Instant.ofEpochMilli(c.connected_at()) : clock.instant();
                        listed.add(new ConnectivityTracker.Listed(c.name(), c.user(), opened));
                    }
                }
            }
            page++;
        } while (page <= pages);
        return new Listing(listed, sameTotal && total != null && items == total && all.size() == items);
    }
}
