package io.kamea.ingestion;

import io.kamea.bus.BusUnavailableException;
import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.Rejection;
import io.kamea.ingestion.rabbitmq.TransientFailureException;
import io.kamea.platform.DatabaseErrors;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** Translates between the resource adapter's batches and the ingestion services. */
final class Batches {

    private Batches() {
    }

    static List<Rejection> ingest(List<RabbitMessage> batch, Function<List<IncomingMessage>, List<RejectedMessage>> ingestion) {
        List<IncomingMessage> incoming = batch.stream()
                .map(m -> new IncomingMessage(m.routingKey(), m.body(), m.messageId(), m.receivedAt()))
                .toList();
        try {
            return ingestion.apply(incoming).stream()
                    .map(r -> new Rejection(batch.get(r.index()), r.reason()))
                    .toList();
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
