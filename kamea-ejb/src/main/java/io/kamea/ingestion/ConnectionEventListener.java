package io.kamea.ingestion;

import io.kamea.connectivity.ConnectionEvent;
import io.kamea.connectivity.ConnectivityEvents;
import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.RabbitMessageListener;
import io.kamea.ingestion.rabbitmq.Rejection;
import io.kamea.ingestion.rabbitmq.TransientFailureException;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The broker's connection events as the ConnectionEventConsumer MDB sees them. Nothing is ever
 * dead-lettered: an event that is not about a connection is skipped.
 */
@Stateless
@Local(RabbitMessageListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConnectionEventListener implements RabbitMessageListener {

    @Inject
    ConnectivityEvents connectivity;

    @Override
    public List<Rejection> onMessages(List<RabbitMessage> batch) {
        List<ConnectionEvent> events = batch.stream()
                .map(m -> ConnectionEvent.from(m.routingKey(), m.headers(), m.receivedAt()))
                .flatMap(Optional::stream)
                .toList();
        try {
            connectivity.apply(events);
        } catch (RuntimeException e) {
            if (Batches.isOutage(e)) {
                throw new TransientFailureException(e.getMessage(), e);
            }
            throw e;
        }
        return List.of();
    }
}
