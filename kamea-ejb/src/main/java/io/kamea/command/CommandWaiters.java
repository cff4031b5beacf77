package io.kamea.command;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Callers waiting for commands to complete ({@code ?wait=true}). They are told once the outcome
 * is committed, so what they read then is final.
 */
@ApplicationScoped
public class CommandWaiters {

    private final Map<String, List<Runnable>> waiting = new ConcurrentHashMap<>();

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Waiters read the outcome in a transaction of their own, not in the one that just ended. */
    @Resource
    ManagedExecutorService executor;

    /** Runs {@code done} (on another thread) when the command is settled. */
    public void await(String commandId, Runnable done) {
        waiting.computeIfAbsent(commandId, id -> new CopyOnWriteArrayList<>()).add(done);
    }

    public void forget(String commandId, Runnable done) {
        waiting.computeIfPresent(commandId, (id, list) -> {
            list.remove(done);
            return list.isEmpty() ? null : list;
        });
    }

    void notifyAfterCommit(String commandId) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    List<Runnable> done = waiting.remove(commandId);
                    if (done != null) {
                        done.forEach(executor::execute);
                    }
                }
            }
        });
    }
}
