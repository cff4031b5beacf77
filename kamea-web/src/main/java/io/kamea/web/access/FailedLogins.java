package io.kamea.web.access;

import io.kamea.access.AccessSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows guessing down: after {@code KAMEA_LOGIN_MAX_FAILURES_PER_USER} (5) wrong passwords for
 * one user, or {@code KAMEA_LOGIN_MAX_FAILURES_PER_SOURCE} (30) failed logins, bad API keys or
 * bad tokens from one address, within {@code KAMEA_LOGIN_FAILURE_WINDOW_SECONDS} (600), that user
 * or that address is refused (429, Retry-After) for {@code KAMEA_LOGIN_LOCKOUT_SECONDS} (60):
 * its password logins, the right password included (it is not even checked, so a guess cannot
 * succeed meanwhile), and its bad keys and tokens. A valid API key or token still passes: neither
 * can be guessed, and a machine should not lose access because something else at its address
 * failed. A user's successful login clears their count; an address's count only ages out.
 *
 * <p>Per application server, in memory: at most {@value #MAX_TALLIES} addresses and users are
 * followed; past that, those neither locked nor recently failing are forgotten first.
 */
@ApplicationScoped
public class FailedLogins {

    static final int MAX_TALLIES = 100_000;

    record Tally(int failures, Instant firstAt, Instant lockedUntil) {
    }

    record Limits(int perUser, int perSource, Duration window, Duration lockout) {

        static Limits of(AccessSettings settings) {
            return new Limits(settings.maxFailuresPerUser(), settings.maxFailuresPerSource(), settings.failureWindow(),
                    settings.lockout());
        }
    }

    @Inject
    AccessSettings settings;

    private final ConcurrentMap<String, Tally> tallies = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Limits limits;

    public FailedLogins() {
        this(Clock.systemUTC(), null);
    }

    FailedLogins(Clock clock, Limits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /** How long {@code source} (and {@code username}, if not null) must still wait; empty: go on. */
    public Optional<Duration> refusal(String source, String username) {
        Instant now = clock.instant();
        Optional<Duration> bySource = remaining(sourceKey(source), now);
        Optional<Duration> byUser = username == null ? Optional.empty() : remaining(userKey(username), now);
        if (bySource.isPresent() && byUser.isPresent()) {
            return Optional.of(bySource.get().compareTo(byUser.get()) > 0 ? bySource.get() : byUser.get());
        }
        return bySource.isPresent() ? bySource : byUser;
    }

    /** A wait as {@code Retry-After} gives it: whole seconds, rounded up, at least one. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The detail of the 429 answer, the same from the login and from the mechanism. */
    static String refusal(long seconds) {
        return "Too many failed logins from this address or for this user: try again in " + seconds + " s";
    }

    public void failed(String source, String username) {
        Limits limits = limits();
        count(sourceKey(source), limits.perSource(), limits);
        if (username != null) {
            count(userKey(username), limits.perUser(), limits);
        }
    }

    public void succeeded(String username) {
        tallies.remove(userKey(username));
    }

    private Optional<Duration> remaining(String key, Instant now) {
        Tally tally = tallies.get(key);
        if (tally == null || tally.lockedUntil() == null) {
            return Optional.empty();
        }
        if (!now.isBefore(tally.lockedUntil())) {
            tallies.remove(key, tally);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, tally.lockedUntil()));
    }

    private void count(String key, int max, Limits limits) {
        Instant now = clock.instant();
        if (tallies.size() >= MAX_TALLIES) {
            forgetIdle(now, limits);
        }
        tallies.compute(key, (k, tally) -> {
            if (tally == null || tally.firstAt().plus(limits.window()).isBefore(now)
                    || tally.lockedUntil() != null && !now.isBefore(tally.lockedUntil())) {
                tally = new Tally(0, now, null);
            }
            int failures = tally.failures() + 1;
            return new Tally(failures, tally.firstAt(), failures >= max ? now.plus(limits.lockout()) : null);
        });
    }

    private void forgetIdle(Instant now, Limits limits) {
        tallies.entrySet().removeIf(entry -> entry.getValue().lockedUntil() == null
                && entry.getValue().firstAt().plus(limits.window()).isBefore(now));
        if (tallies.size() >= MAX_TALLIES) {
            tallies.entrySet().removeIf(entry -> entry.getValue().lockedUntil() == null);
        }
    }

    private Limits limits() {
        Limits current = limits;
        if (current == null) {
            current = Limits.of(settings);
            limits = current;
        }
        return current;
    }

    private static String sourceKey(String source) {
        return "source:" + source;
    }

    private static String userKey(String username) {
        return "user:" + username;
    }
}
