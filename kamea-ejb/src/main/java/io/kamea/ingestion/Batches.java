package io.kamea.ingestion;

import io.kamea.bus.BusUnavailableException;
import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.Rejection;
import io.kamea.ingestion.rabbitmq.TransientFailureException;
import io.kamea.platform.DatabaseErrors;
import io.kamea.platform.MessageLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Translates between the resource adapter's batches and the ingestion services, for every stream
 * alike. It is also where a message larger than {@link MessageLimits#maxMessageBytes()} is
 * refused, before any stream sees it: dead-lettered as {@value #TOO_LARGE}, never forwarded. The
 * broker refuses such publishes already ({@code max_message_size}, the same setting); this check
 * holds when the two were configured apart, or a message came in before a limit was lowered.
 */
@ApplicationScoped
public class Batches {

    /** The reason code of a message over the size limit. */
    public static final String TOO_LARGE = "too-large";

    @Inject
    MessageLimits limits;

    @Inject
    IngestionStatistics statistics;

    public Batches() {
    }

    /** For unit tests. */
    Batches(MessageLimits limits, IngestionStatistics statistics) {
        this.limits = limits;
        this.statistics = statistics;
    }

    /**
     * Hands the messages that fit the size limit to the stream's ingestion, in queue order, and
     * returns what must be dead-lettered: the too-large ones and those the stream refused.
     */
    public List<Rejection> ingest(String stream, List<RabbitMessage> batch,
                                  Function<List<IncomingMessage>, List<RejectedMessage>> ingestion) {
        List<Rejection> rejections = new ArrayList<>();
        List<RabbitMessage> accepted = new ArrayList<>(batch.size());
        for (RabbitMessage m : batch) {
            if (limits.tooLarge(m.body().length)) {
                rejections.add(new Rejection(m, TOO_LARGE + ": " + m.body().length + " bytes, more than the "
                        + limits.maxMessageBytes() + " of " + MessageLimits.MAX_MESSAGE_BYTES));
                statistics.rejected(stream, TOO_LARGE);
            } else {
                accepted.add(m);
            }
        }
        if (accepted.isEmpty()) {
            return rejections;
        }
        List<IncomingMessage> incoming = accepted.stream()
                .map(m -> new IncomingMessage(m.routingKey(), m.body(), m.messageId(), m.receivedAt()))
                .toList();
        try {
            // the stream's indices are into the accepted messages, not the whole batch
            ingestion.apply(incoming).forEach(r -> rejections.add(new Rejection(accepted.get(r.index()), r.reason())));
            return rejections;
        } catch (RuntimeException e) {
            if (isOutage(e)) {
                // Not the messages' fault: they stay in RabbitMQ until the bus or database is back.
                throw new TransientFailureException(e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * The bus or the database failed, whatever wrapped it on the way. A database error that is
     * about the data ({@link DatabaseErrors}) is not an outage: retrying it forever would block
     * the queue, so it counts as an attempt.
     */
    static boolean isOutage(Throwable failure) {
        boolean outage = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return !DatabaseErrors.isAboutTheData(sql.getSQLState());
            }
            if (t instanceof BusUnavailableException || t instanceof PersistenceException) {
                outage = true; // unless a data error turns up further down
            }
        }
        return outage;
    }
}
