package io.kamea.access;

import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The built-in users: who they are, their role, their password. */
@Stateless
public class UserDirectory {


    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    Clock clock = Clock.systemUTC();

    /** The user if the password is theirs; empty otherwise, after the same work either way. */
    public Optional<Caller> verify(String username, String password) {
        OperatorUser user = username == null || !Names.USERNAME.matcher(username).matches()
                ? null : em.find(OperatorUser.class, username, FreshReads.HINTS);
        if (!passwords.matches(password, user == null ? null : user.getPasswordHash())) {
            return Optional.empty();
        }
        return Optional.of(caller(user));
    }

    /**
     * The user as a caller now, for a session that began at {@code sessionStart}: a session re-reads
     * it on every call, so a removed or demoted user loses access at once, and a password changed
     * after the session began ends it (whoever learnt the old one is out).
     */
    public Optional<Caller> current(String username, Instant sessionStart) {
        return Optional.ofNullable(em.find(OperatorUser.class, username, FreshReads.HINTS))
                .filter(user -> !user.getPasswordChangedAt().toInstant().isAfter(sessionStart))
                .map(UserDirectory::caller);
    }

    public UserPage list(int page, int size) {
        var requested = new PageRequest(page, size);
        var items = requested.applyTo(em.createQuery(
                "select u from OperatorUser u order by u.username", OperatorUser.class)).getResultList();
        long total = em.createQuery("select count(u) from OperatorUser u", Long.class).getSingleResult();
        return new UserPage(items, page, size, total);
    }

    public OperatorUser find(String username) {
        OperatorUser user = username == null ? null : em.find(OperatorUser.class, username);
        if (user == null) {
            throw new UserNotFoundException(username);
        }
        return user;
    }

    public boolean isEmpty() {
        return em.createQuery("select count(u) from OperatorUser u", Long.class).getSingleResult() == 0;
    }

    public OperatorUser create(String username, Role role, String password) {
        String name = Names.username(username);
        if (role == null) {
            throw new InvalidRequestException("role is required: viewer, operator or admin");
        }
        String hash = passwords.hash(password);
        if (em.find(OperatorUser.class, name) != null) {
            throw UserConflictException.exists(name);
        }
        OperatorUser user = new OperatorUser(name, hash, role, OffsetDateTime.now(clock));
        em.persist(user);
        return user;
    }

    public OperatorUser changeRole(String username, Role role) {
        if (role == null) {
            throw new InvalidRequestException("role is required: viewer, operator or admin");
        }
        OperatorUser user = lockedUser(username);
        if (user.getRole() == Role.ADMIN && role != Role.ADMIN) {
            refuseLastAdmin();
        }
        user.changeRole(role);
        return user;
    }

    public void delete(String username) {
        OperatorUser user = lockedUser(username);
        if (user.getRole() == Role.ADMIN) {
            refuseLastAdmin();
        }
        em.remove(user);
    }

    /** Refuses (400) when {@code current} is not the user's password; answers when it changed. */
    public Instant changePassword(String username, String current, String newPassword) {
        OperatorUser user = lockedUser(username);
        if (!passwords.matches(current, user.getPasswordHash())) {
            throw new InvalidRequestException("The current password is wrong");
        }
        // To the microsecond, as PostgreSQL keeps it (it rounds finer times, which could put the
        // stored change after the time handed back, and end the very session that made it).
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        user.changePassword(passwords.hash(newPassword), now);
        return now.toInstant();
    }

    private OperatorUser lockedUser(String username) {
        OperatorUser user = username == null ? null
                : em.find(OperatorUser.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new UserNotFoundException(username);
        }
        return user;
    }

    /**
     * Under a lock of every admin row: two admins demoting each other at once cannot both pass.
     */
    private void refuseLastAdmin() {
        long admins = em.createQuery("select u from OperatorUser u where u.role = 'admin'", OperatorUser.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().size();
        if (admins <= 1) {
            throw UserConflictException.lastAdmin();
        }
    }

    private static Caller caller(OperatorUser user) {
        return new Caller(user.getUsername(), Caller.Kind.USER, user.getRole());
    }
}
