package io.kamea.metrics;

import io.kamea.command.CommandCompleted;
import io.kamea.command.CommandResponseRejected;
import io.kamea.command.CommandStatus;
import io.kamea.command.ResponseOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code kamea.commands.completed{status}}: commands that succeeded or timed out;
 * {@code kamea.commands.responses.rejected{reason}}: messages on the devices' response topics
 * that were acknowledged without settling or storing anything.
 */
@ApplicationScoped
public class CommandMetrics {

    static final Metadata COMPLETED = Metadata.builder().withName("kamea.commands.completed")
            .withDescription("Commands settled, by outcome: succeeded (answered in time) or timed-out").build();
    static final Metadata REJECTED = Metadata.builder().withName("kamea.commands.responses.rejected")
            .withDescription("Command responses acknowledged but rejected, nothing of them stored, by reason: "
                    + ResponseOutcome.rejections().stream().map(ResponseOutcome::reason).collect(Collectors.joining(", ")))
            .build();

    @Inject
    MetricRegistry registry;

    private final Map<CommandStatus, Counter> completed = new EnumMap<>(CommandStatus.class);
    private final Map<ResponseOutcome, Counter> rejected = new EnumMap<>(ResponseOutcome.class);

    /** Every series from the start, at 0: a series that appears late is harder to alert on. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        counter(CommandStatus.SUCCEEDED);
        counter(CommandStatus.TIMED_OUT);
        ResponseOutcome.rejections().forEach(this::rejectedCounter);
    }

    /** Counted once the outcome is committed: a rolled-back update settled nothing. */
    void onCompleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommandCompleted command) {
        counter(command.status()).inc();
    }

    /** Fired outside any transaction: a rejection commits nothing. */
    void onRejected(@Observes CommandResponseRejected response) {
        rejectedCounter(response.outcome()).inc();
    }

    private synchronized Counter counter(CommandStatus status) {
        return completed.computeIfAbsent(status, s -> registry.counter(COMPLETED, new Tag("status", wireName(s))));
    }

    private synchronized Counter rejectedCounter(ResponseOutcome outcome) {
        return rejected.computeIfAbsent(outcome, o -> registry.counter(REJECTED, new Tag("reason", o.reason())));
    }

    /** As the API shows it: {@code timed-out}. */
    static String wireName(CommandStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
