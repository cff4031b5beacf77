package io.kamea.ingestion;

import io.kamea.bus.BusUnavailableException;
import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.Rejection;
import io.kamea.ingestion.rabbitmq.TransientFailureException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Translates between the resource adapter's batches and the ingestion services. */
final class Batches {

    private Batches() {
    }

    static List<Rejection> ingest(List<RabbitMessage> batch, Function<List<IncomingMessage>, List<RejectedMessage>> ingestion,
                                  Clock clock) {
        Instant now = clock.instant();
        List<IncomingMessage> incoming = batch.stream()
                .map(m -> new IncomingMessage(m.routingKey(), m.body(), m.messageId(),
                        m.brokerTimestamp() != null ? m.brokerTimestamp() : now))
                .toList();
        try {
            return ingestion.apply(incoming).stream()
                    .map(r -> new Rejection(batch.get(r.index()), r.reason()))
                    .toList();
        } catch (BusUnavailableException e) {
            // Not the messages' fault: they stay in RabbitMQ until the bus is back.
            throw new TransientFailureException(e.getMessage(), e);
        }
    }
}
