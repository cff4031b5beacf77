package io.kamea.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Makes a periodic job run on one application server of a cluster. Every server's (non-persistent)
 * timer fires and asks for the job's lease; the server holding it, or any server once it has
 * expired, gets it and renews it for {@code ttl}. If the holder dies, another server takes over
 * when the lease expires. A lease is one row updated conditionally, so two servers cannot both
 * take it. Servers' clocks must agree to well within {@code ttl} (NTP).
 */
@Stateless
public class ClusterLeases {

    /** This server, for this run of the application. */
    static final String ME = hostName() + "/" + UUID.randomUUID();

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** True if this server holds the lease {@code name} now, renewed until now + {@code ttl}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean tryTake(String name, Duration ttl) {
        return tryTake(name, ME, ttl);
    }

    /** {@link #tryTake(String, Duration)} for a given holder (tests play several servers). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean tryTake(String name, String holder, Duration ttl) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int taken = em.createQuery("update ClusterLease l set l.holder = :me, l.expiresAt = :until "
                        + "where l.name = :name and (l.holder = :me or l.expiresAt < :now)")
                .setParameter("me", holder).setParameter("until", now.plus(ttl))
                .setParameter("name", name).setParameter("now", now)
                .executeUpdate();
        if (taken > 0) {
            return true;
        }
        if (em.find(ClusterLease.class, name) != null) {
            return false; // another server holds it
        }
        try {
            em.persist(new ClusterLease(name, holder, now.plus(ttl)));
            em.flush();
            return true;
        } catch (PersistenceException e) {
            return false; // another server created it first
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
