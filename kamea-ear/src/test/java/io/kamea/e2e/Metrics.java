package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

/**
 * The application's metrics as Prometheus scrapes them: {@code /metrics?scope=application}, with
 * an API key of role viewer or more (this stack's admin key).
 */
final class Metrics {

    private Metrics() {
    }

    /**
     * The value of the sample {@code name} whose labels include all of {@code labels}
     * ({@code stream="telemetry"}...); 0 if there is none yet (a counter not yet incremented).
     */
    static double value(String name, String... labels) {
        Http.Reply reply = Http.server("/metrics?scope=application", "text/plain", scraper());
        if (reply.status() == 404) {
            return 0; // no application metric at all yet
        }
        assertEquals(200, reply.status(), reply.body());
        return reply.body().lines()
                .filter(line -> !line.startsWith("#"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(label -> labelsOf(line).contains(label)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    static String scraper() {
        return Http.bearer(Stack.API_TOKEN);
    }

    private static String labelsOf(String line) {
        int open = line.indexOf('{');
        return open < 0 ? "" : line.substring(open, line.indexOf('}') + 1);
    }
}
