package io.kamea.access;

import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * API keys: made by an admin with a role and an optional expiry, shown once, kept as a SHA-256,
 * revoked for good. Keys are read from the database past JPA's cache; {@link RecentApiKeys} spares
 * a busy caller that read more than once a second, so a revoked key is refused within a second on
 * every application server.
 */
@Stateless
public class ApiKeys {

    /** Last use is written at most this often per key: a busy machine client must not make a write per call. */
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    RecentApiKeys recent;

    Clock clock = Clock.systemUTC();

    public IssuedApiKey create(String name, Role role, OffsetDateTime expiresAt, String createdBy) {
        String checkedName = Names.display("name", name, 100);
        if (role == null) {
            throw new InvalidRequestException("role is required: viewer, operator or admin");
        }
        OffsetDateTime now = now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidRequestException("expiresAt must be in the future");
        }
        String secret = ApiKeySecrets.newSecret();
        ApiKey key = new ApiKey(ApiKeySecrets.newId(), checkedName, ApiKeySecrets.sha256(secret), role, createdBy,
                now, expiresAt);
        em.persist(key);
        return new IssuedApiKey(key, ApiKeySecrets.key(key.getId(), secret));
    }

    /** Newest first, revoked ones too (with when). */
    public ApiKeyPage list(int page, int size) {
        var requested = new PageRequest(page, size);
        var items = requested.applyTo(em.createQuery(
                "select k from ApiKey k order by k.createdAt desc, k.id", ApiKey.class)).getResultList();
        long total = em.createQuery("select count(k) from ApiKey k", Long.class).getSingleResult();
        return new ApiKeyPage(items, page, size, total);
    }

    public ApiKey find(String id) {
        ApiKey key = id == null ? null : em.find(ApiKey.class, id);
        if (key == null) {
            throw new ApiKeyNotFoundException(id);
        }
        return key;
    }

    public ApiKey revoke(String id) {
        ApiKey key = find(id);
        key.revoke(now());
        recent.forget(id);
        return key;
    }

    /**
     * The caller a presented key stands for; empty if it is not a key's form, names no key, does
     * not match it, or the key is revoked or expired (all the same to the caller: 401).
     */
    public Optional<Caller> authenticate(String presented) {
        var parsed = ApiKeySecrets.parse(presented);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ApiKey key = em.find(ApiKey.class, parsed.get().id(), FreshReads.HINTS);
        OffsetDateTime now = now();
        if (key == null || !ApiKeySecrets.matches(parsed.get().secret(), key.getSecretSha256())
                || !key.isValidAt(now)) {
            return Optional.empty();
        }
        if (key.getLastUsedAt() == null || key.getLastUsedAt().plus(LAST_USE_RESOLUTION).isBefore(now)) {
            em.createQuery("update ApiKey k set k.lastUsedAt = :now where k.id = :id")
                    .setParameter("now", now).setParameter("id", key.getId()).executeUpdate();
        }
        return Optional.of(new Caller(key.getId(), Caller.Kind.API_KEY, key.getRole()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
