package io.kamea.connectivity;

import io.kamea.settings.SettingReader;
import io.kamea.settings.StartupSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The configuration keys of connectivity (docs/configuration.md): the poll's period
 * ({@value #POLL_SECONDS}, 1 s to an hour) and page size ({@value #POLL_PAGE_SIZE}, 1 to
 * {@value #MAX_PAGE_SIZE}), and the transitions kept per device ({@value #HISTORY_SIZE}, at least 1).
 */
@ApplicationScoped
public class ConnectivitySettings extends StartupSettings {

    public static final String POLL_SECONDS = "CONNECTIVITY_POLL_SECONDS";
    public static final String POLL_PAGE_SIZE = "CONNECTIVITY_POLL_PAGE_SIZE";
    public static final String HISTORY_SIZE = "CONNECTIVITY_HISTORY_SIZE";

    /** How long the management API may take to list a new connection (it refreshes every 5 s). */
    static final Duration LISTING_DELAY = Duration.ofSeconds(10);

    /** How long closed connections are remembered, against late or replayed news of them. */
    static final Duration TOMBSTONE_RETENTION = Duration.ofHours(1);

    /**
     * A connection is called gone after two polls that miss it: past an hour between polls, a
     * device whose close event was lost would show connected for hours.
     */
    static final int MAX_POLL_SECONDS = 3600;

    /** The bound this class always held the page size to; a page of the listing is one HTTP answer. */
    static final int MAX_PAGE_SIZE = 5000;

    private Duration pollPeriod;
    private int pageSize;
    private int historySize;

    @Override
    protected void read(SettingReader settings) {
        pollPeriod = settings.seconds(POLL_SECONDS, 10, 1, MAX_POLL_SECONDS);
        pageSize = settings.integer(POLL_PAGE_SIZE, 500, 1, MAX_PAGE_SIZE);
        historySize = settings.integer(HISTORY_SIZE, 100, 1, Integer.MAX_VALUE);
    }

    public Duration pollPeriod() {
        return pollPeriod;
    }

    public int pageSize() {
        return pageSize;
    }

    /** Transitions kept per device. */
    public int historySize() {
        return historySize;
    }
}
