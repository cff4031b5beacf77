package io.kamea.metrics;

import io.kamea.connectivity.ConnectivityPolled;
import io.kamea.connectivity.ConnectivityService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * {@code kamea.connectivity.poll} (timer: how long each poll of the broker's connections took) and
 * {@code kamea.devices.connected} (gauge: devices with a connection open). The gauge is counted in
 * the database after each poll, not when scraped: a scrape must never wait for the database.
 */
@ApplicationScoped
public class ConnectivityMetrics {

    private static final Logger LOG = Logger.getLogger(ConnectivityMetrics.class.getName());

    static final Metadata POLL = Metadata.builder().withName("kamea.connectivity.poll")
            .withDescription("Duration of the polls of the broker's connections (those that succeeded)")
            // the unit of the recorded values: Prometheus output converts them to seconds
            .withUnit(MetricUnits.NANOSECONDS).build();
    static final Metadata CONNECTED = Metadata.builder().withName("kamea.devices.connected")
            .withDescription("Devices connected to the broker, as known at the last poll").build();

    @Inject
    MetricRegistry registry;

    @Inject
    ConnectivityService connectivity;

    private final AtomicLong connected = new AtomicLong();
    private volatile Timer poll;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        poll();
        registry.gauge(CONNECTED, connected, AtomicLong::get);
    }

    void onPolled(@Observes ConnectivityPolled polled) {
        poll().update(polled.duration());
        try {
            connected.set(connectivity.connectedDevices());
        } catch (RuntimeException e) {
            // the gauge keeps its last value; the poll itself must not fail for a metric
            LOG.fine(() -> "Cannot count the connected devices: " + e.getMessage());
        }
    }

    private Timer poll() {
        Timer timer = poll;
        if (timer == null) {
            timer = registry.timer(POLL);
            poll = timer;
        }
        return timer;
    }
}
