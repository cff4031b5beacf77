package io.kamea.web.connectivity;

import io.kamea.connectivity.ConnectivityState;
import io.kamea.connectivity.ConnectivityTransition;
import java.time.Instant;
import java.util.List;

/** A device's connectivity as the API shows it; times are ISO-8601 UTC, null when unknown. */
public record ConnectivityView(String deviceId, boolean connected, String since, String lastSeen,
                               List<TransitionView> history) {

    public record TransitionView(boolean connected, String at, String source) {

        static TransitionView of(ConnectivityTransition t) {
            return new TransitionView(t.isConnected(), t.at().toString(), t.source());
        }
    }

    static ConnectivityView of(ConnectivityState state) {
        return new ConnectivityView(state.deviceId(), state.connected(), text(state.since()), text(state.lastSeen()),
                state.history().stream().map(TransitionView::of).toList());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
