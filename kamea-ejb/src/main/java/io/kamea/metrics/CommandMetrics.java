package io.kamea.metrics;

import io.kamea.command.CommandCompleted;
import io.kamea.command.CommandStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** {@code kamea.commands.completed{status}}: commands that succeeded or timed out. */
@ApplicationScoped
public class CommandMetrics {

    static final Metadata COMPLETED = Metadata.builder().withName("kamea.commands.completed")
            .withDescription("Commands settled, by outcome: succeeded (answered in time) or timed-out").build();

    @Inject
    MetricRegistry registry;

    private final Map<CommandStatus, Counter> completed = new EnumMap<>(CommandStatus.class);

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        counter(CommandStatus.SUCCEEDED);
        counter(CommandStatus.TIMED_OUT);
    }

    /** Counted once the outcome is committed: a rolled-back update settled nothing. */
    void onCompleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommandCompleted command) {
        counter(command.status()).inc();
    }

    private synchronized Counter counter(CommandStatus status) {
        return completed.computeIfAbsent(status, s -> registry.counter(COMPLETED, new Tag("status", wireName(s))));
    }

    /** As the API shows it: {@code timed-out}. */
    static String wireName(CommandStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
