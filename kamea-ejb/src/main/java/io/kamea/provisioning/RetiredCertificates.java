package io.kamea.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Common names of self-signed devices just deleted. The broker keeps accepting such a certificate
 * until its trust store's next refresh, and the device has no broker account any more: a
 * connection in that window must not auto-provision it again.
 */
@ApplicationScoped
public class RetiredCertificates {

    private final Map<String, Instant> until = new ConcurrentHashMap<>();

    Clock clock = Clock.systemUTC();

    public void retire(String commonName, Duration during) {
        Instant now = clock.instant();
        until.values().removeIf(end -> end.isBefore(now));
        until.put(commonName, now.plus(during));
    }

    /** True while the broker may still accept the deleted device's certificate. */
    public boolean isRetired(String commonName) {
        Instant end = until.get(commonName);
        return end != null && end.isAfter(clock.instant());
    }
}
