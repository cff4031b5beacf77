package io.kamea.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * API keys checked against the database at most once a second each: a machine calling hundreds
 * of times a second costs one lookup a second, and a key revoked on any application server is
 * refused everywhere within that second (on this one, at once). Only keys that passed are kept,
 * by the SHA-256 of the whole key, so a wrong key is always checked against the database.
 */
@ApplicationScoped
public class RecentApiKeys {

    static final long FRESHNESS_NANOS = 1_000_000_000L;
    /** Past this, the map is emptied: a key is then checked once more, nothing else is lost. */
    static final int MAX_KEYS = 10_000;

    private record Checked(Caller caller, long atNanos) {
    }

    private final ConcurrentMap<String, Checked> recent = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    @Inject
    ApiKeys keys;

    public RecentApiKeys() {
        this(System::nanoTime);
    }

    RecentApiKeys(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** As {@link ApiKeys#authenticate}, from memory when the key passed less than a second ago. */
    public Optional<Caller> authenticate(String presented) {
        if (ApiKeySecrets.parse(presented).isEmpty()) {
            return Optional.empty();
        }
        String hash = ApiKeySecrets.sha256(presented);
        long now = nanoTime.getAsLong();
        Checked checked = recent.get(hash);
        if (checked != null && now - checked.atNanos() < FRESHNESS_NANOS) {
            return Optional.of(checked.caller());
        }
        Optional<Caller> caller = keys.authenticate(presented);
        if (caller.isPresent()) {
            if (recent.size() >= MAX_KEYS) {
                recent.clear();
            }
            recent.put(hash, new Checked(caller.get(), now));
        } else if (checked != null) {
            recent.remove(hash, checked);
        }
        return caller;
    }

    /** A key revoked here is refused here from now on. */
    public void forget(String keyId) {
        recent.values().removeIf(checked -> checked.caller().name().equals(keyId));
    }
}
