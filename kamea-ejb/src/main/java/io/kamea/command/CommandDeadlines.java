package io.kamea.command;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Fires each command's deadline. The timers are not persistent (their storage differs between
 * servers); the deadlines are in the database, and at start-up every pending command gets its
 * timer again, or times out at once if its deadline passed while the server was down.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
// No container lock: the timer service is thread-safe, and a write lock held by a firing deadline
// (which needs a database connection) against senders holding connections deadlocked the pool.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CommandDeadlines {

    private static final Logger LOG = Logger.getLogger(CommandDeadlines.class.getName());

    @Resource
    TimerService timers;

    @Inject
    CommandService commands;

    /** Timers not fired yet, by command id (timers are not persistent: only this server's). */
    private final Map<String, Timer> armed = new ConcurrentHashMap<>();

    @PostConstruct
    void rearm() {
        var pending = commands.pendingDeadlines();
        pending.forEach(row -> schedule((String) row[0], (OffsetDateTime) row[1]));
        if (!pending.isEmpty()) {
            LOG.info(() -> pending.size() + " pending command deadline(s) re-armed");
        }
    }

    public void schedule(String commandId, OffsetDateTime deadline) {
        // A deadline already past fires at once.
        armed.put(commandId, timers.createSingleActionTimer(Date.from(deadline.toInstant()),
                new TimerConfig(commandId, false)));
    }

    /**
     * The command was settled before its deadline: its timer need not fire (it would find the
     * command settled, at the cost of a transaction). Within a transaction, done if it commits.
     */
    public void cancel(String commandId) {
        Timer timer = armed.remove(commandId);
        if (timer != null) {
            try {
                timer.cancel();
            } catch (NoSuchObjectLocalException e) {
                // fired or cancelled meanwhile
            }
        }
    }

    @Timeout
    void deadlineReached(Timer timer) {
        String commandId = (String) timer.getInfo();
        armed.remove(commandId);
        commands.expire(commandId);
    }
}
