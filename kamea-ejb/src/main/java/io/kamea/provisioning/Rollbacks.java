package io.kamea.provisioning;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Undoing, on the broker, what a transaction that did not commit had already done there. */
final class Rollbacks {

    private Rollbacks() {
    }

    /** Runs {@code undo} after the current transaction, unless it committed. */
    static void undoOnRollback(TransactionSynchronizationRegistry transaction, Runnable undo) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    undo.run();
                }
            }
        });
    }
}
