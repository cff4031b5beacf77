package io.kamea.web.connectivity;

import io.kamea.connectivity.ConnectivityState;
import io.kamea.connectivity.ConnectivityTransition;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device's connectivity as the API shows it; times are ISO-8601 UTC, null when unknown. */
@Schema(name = "Connectivity", description = "A device's connectivity; times are ISO-8601, UTC")
public record ConnectivityView(
        String deviceId,
        boolean connected,
        @Schema(description = "When the current state began; absent if the device was never seen") String since,
        @Schema(description = "Last time it was known to be connected; absent if never") String lastSeen,
        @Schema(description = "Latest transitions, newest first") List<TransitionView> history) {

    @Schema(name = "ConnectivityTransition")
    public record TransitionView(boolean connected, String at,
                                 @Schema(description = "Who saw it: the broker's connection events or the periodic poll",
                                         enumeration = {"event", "poll"}) String source) {

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
