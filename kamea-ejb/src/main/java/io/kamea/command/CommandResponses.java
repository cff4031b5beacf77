package io.kamea.command;

import io.kamea.broker.CommandResponseReceived;
import io.kamea.platform.DatabaseErrors;
import io.kamea.platform.LogBudget;
import io.kamea.platform.LogSafe;
import io.kamea.platform.MessageLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes each message on the devices' response topics to one {@link ResponseOutcome}; the API's
 * session acknowledges it after that, whichever it is. Checks that need no database come first
 * (topic, size, UTF-8, NUL, the id's shape), so a payload that can never be stored costs no
 * transaction; then one transaction settles the command ({@link CommandService#settle}). A
 * rejected message is counted by reason ({@link CommandResponseRejected}), logged once, in one
 * line, with the device's interface name and command id made safe ({@link LogSafe}) and never
 * its payload, and nothing of it is stored.
 *
 * <p>When that transaction fails: if the database refused the answer as data (SQLSTATE class 22,
 * 23 or 42, {@link DatabaseErrors}), no attempt will do better, and the answer is rejected as
 * {@code unstorable} at once. Any other failure (the database down, failing over, its pool
 * exhausted) is tried again after 1, 2, 4, 8, 16 and 32 s: at most 7 attempts over 63 s, longer
 * than a PostgreSQL restart (seconds) or a fail-over to a standby (about 30 s, Patroni's default
 * TTL). After that the answer is rejected as {@code unavailable}: a message must be acknowledged
 * some time, or failing ones would fill the session's 200 prefetch places again and stop every
 * answer. While it waits no thread is held, and its deadline is judged by when it was received,
 * so an answer in time that is stored a minute later still makes its command succeed.
 */
@ApplicationScoped
public class CommandResponses {

    private static final Logger LOG = Logger.getLogger(CommandResponses.class.getName());

    /** The waits before the 2nd, 3rd... attempt: one more attempt than there are waits. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32));

    /** Lines about rejected responses a minute; the rest are counted in the next line written. */
    static final int LOG_LINES_PER_MINUTE = 60;

    LogBudget logBudget = new LogBudget(LOG_LINES_PER_MINUTE, Duration.ofMinutes(1));

    @Inject
    CommandService commands;

    @Inject
    MessageLimits limits;

    @Inject
    Event<CommandResponseRejected> rejected;

    void onReceived(@Observes CommandResponseReceived response) {
        ResponseOutcome outcome;
        RuntimeException failure = null;
        try {
            outcome = handle(response);
        } catch (RuntimeException e) {
            boolean aboutTheData = DatabaseErrors.isAboutTheData(e);
            if (!aboutTheData && response.attempt() <= RETRY_DELAYS.size()) {
                Duration delay = RETRY_DELAYS.get(response.attempt() - 1);
                LOG.fine(() -> "Response of " + about(response) + " not handled (" + describe(e) + "), attempt "
                        + response.attempt() + "; again in " + delay.toSeconds() + " s");
                response.retryIn(delay);
                return;
            }
            failure = e;
            outcome = aboutTheData ? ResponseOutcome.UNSTORABLE : ResponseOutcome.UNAVAILABLE;
        }
        if (outcome.rejected()) {
            log(response, outcome, failure);
            rejected.fire(new CommandResponseRejected(outcome));
        }
    }

    private ResponseOutcome handle(CommandResponseReceived response) {
        if (!response.wellFormed()) {
            return ResponseOutcome.MALFORMED_TOPIC;
        }
        ResponseText body = ResponseText.of(response.payload(), limits.maxMessageBytes());
        if (!body.storable()) {
            return body.rejection();
        }
        if (!Command.isWellFormedId(response.commandId())) {
            return ResponseOutcome.UNKNOWN_COMMAND;
        }
        return commands.settle(response.interfaceName(), response.commandId(), body.text(), response.receivedAt());
    }

    /**
     * One line, at most {@value #LOG_LINES_PER_MINUTE} a minute (the metric counts every one; a
     * device flooding its response topic does not flood the log). {@code already-settled} only at
     * FINE: with several application servers every answer is one on all servers but the one that
     * settled it.
     */
    private void log(CommandResponseReceived response, ResponseOutcome outcome, RuntimeException failure) {
        Level level = outcome == ResponseOutcome.ALREADY_SETTLED ? Level.FINE : Level.WARNING;
        if (!LOG.isLoggable(level)) {
            return;
        }
        LogBudget.Allowance allowance = logBudget.take();
        if (allowance.write()) {
            LOG.log(level, "Rejected a command response (" + outcome.reason() + ") of " + about(response) + ", "
                    + response.payload().length + " bytes"
                    + (failure == null ? "" : ", after " + response.attempt() + " attempt(s): " + describe(failure))
                    + "; acknowledged, not stored" + allowance.note());
        }
    }

    /** The device and command as the topic names them, made safe for a log line. */
    private static String about(CommandResponseReceived response) {
        return response.wellFormed()
                ? "device " + LogSafe.quote(response.interfaceName()) + " to command " + LogSafe.quote(response.commandId())
                : "topic " + LogSafe.quote(response.topic());
    }

    /**
     * The SQLSTATE, or the innermost failure's kind (containers wrap it): never a message, which
     * may quote the device's data.
     */
    private static String describe(RuntimeException failure) {
        return DatabaseErrors.sqlError(failure)
                .map(sql -> "SQLSTATE " + LogSafe.quote(sql.getSQLState()))
                .orElseGet(() -> {
                    Throwable root = failure;
                    for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
                        root = root.getCause();
                    }
                    return root.getClass().getName();
                });
    }
}
