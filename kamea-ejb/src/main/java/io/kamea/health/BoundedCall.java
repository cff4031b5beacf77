package io.kamea.health;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a check's call to its dependency on another thread and waits for it at most a set time.
 * A call that overran is left to finish rather than interrupted (interrupting a JDBC or JMS client
 * can break it for everyone); until it has, the next checks fail at once instead of adding a
 * thread each, so a hung dependency costs one thread, not one per probe.
 */
final class BoundedCall {

    /** Readiness probes of orchestrators commonly time out after a few seconds. */
    static final Duration LIMIT = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(BoundedCall.class.getName());

    private final Duration limit;
    private volatile Future<?> running;
    private volatile String lastLogged;

    BoundedCall() {
        this(LIMIT);
    }

    BoundedCall(Duration limit) {
        this.limit = limit;
    }

    <T> T call(ExecutorService executor, Callable<T> task) throws Exception {
        Future<?> previous = running;
        if (previous != null && !previous.isDone()) {
            throw new TimeoutException("the previous check has not finished yet");
        }
        Future<T> future = executor.submit(task);
        running = future;
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer within " + limit.toMillis() + " ms");
        }
    }

    /**
     * What an anonymous caller of {@code /health} may learn of a failure: {@code timeout}, or the
     * deepest cause's type, never its message (which may name hosts, URLs or users). The whole
     * description goes to the server's log, once each time it changes, for the operator.
     */
    String failed(String check, Exception failure) {
        String description = describe(failure);
        if (!description.equals(lastLogged)) {
            lastLogged = description;
            LOG.log(Level.WARNING, "health check {0} is DOWN: {1}", new Object[] {check, description});
        }
        return reason(failure);
    }

    /** Clears what {@link #failed} logged last, so the next failure is logged again. */
    void succeeded() {
        lastLogged = null;
    }

    static String reason(Throwable failure) {
        Throwable root = root(failure);
        return root instanceof TimeoutException ? "timeout" : root.getClass().getSimpleName();
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The deepest cause's type and message: what went wrong, not which layers wrapped it. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
