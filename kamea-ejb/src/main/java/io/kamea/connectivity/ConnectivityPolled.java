package io.kamea.connectivity;

import java.time.Duration;

/** CDI event: a poll of the broker's connections ended, having listed {@code connections}. */
public record ConnectivityPolled(Duration duration, int connections) {
}
