package io.kamea.connectivity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The configuration keys of connectivity (docs/configuration.md). */
@ApplicationScoped
public class ConnectivitySettings {

    /** How long the management API may take to list a new connection (it refreshes every 5 s). */
    static final Duration LISTING_DELAY = Duration.ofSeconds(10);

    /** How long closed connections are remembered, against late or replayed news of them. */
    static final Duration TOMBSTONE_RETENTION = Duration.ofHours(1);

    @Inject
    @ConfigProperty(name = "CONNECTIVITY_POLL_SECONDS", defaultValue = "10")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "CONNECTIVITY_POLL_PAGE_SIZE", defaultValue = "500")
    int pageSize;

    @Inject
    @ConfigProperty(name = "CONNECTIVITY_HISTORY_SIZE", defaultValue = "100")
    int historySize;

    public Duration pollPeriod() {
        return Duration.ofSeconds(Math.max(1, pollSeconds));
    }

    public int pageSize() {
        return Math.max(1, Math.min(pageSize, 5000));
    }

    /** Transitions kept per device. */
    public int historySize() {
        return Math.max(1, historySize);
    }
}
