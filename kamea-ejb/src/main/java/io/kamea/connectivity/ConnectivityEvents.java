package io.kamea.connectivity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Entry point of connection events: stores them, then announces devices that became connected. */
@ApplicationScoped
public class ConnectivityEvents {

    @Inject
    ConnectivityTracker tracker;

    @Inject
    ConnectivityNotifier notifier;

    public void apply(List<ConnectionEvent> events) {
        notifier.announce(tracker.apply(events));
    }
}
