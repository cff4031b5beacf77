package io.kamea.ingestion.consumers;

import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.RabbitMessageListener;
import io.kamea.ingestion.rabbitmq.Rejection;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;

/**
 * The broker's connection events ({@code connection.created} / {@code connection.closed}, from the
 * {@code kamea.connection-events} queue) to the connectivity of devices. One consumer, so that
 * the events of a connection are applied in the order the broker emitted them.
 */
@MessageDriven(name = "ConnectionEventConsumer", activationConfig = {
    @ActivationConfigProperty(propertyName = "queue", propertyValue = "kamea.connection-events"),
    @ActivationConfigProperty(propertyName = "concurrency", propertyValue = "1"),
    @ActivationConfigProperty(propertyName = "prefetch", propertyValue = "500"),
    @ActivationConfigProperty(propertyName = "maxBatchSize", propertyValue = "200"),
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "kamea#rabbitmq-ra")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConnectionEventConsumer implements RabbitMessageListener {

    /** Portable name of the connectivity listener in the kamea-ejb module. */
    @EJB(lookup = "java:app/kamea-ejb/ConnectionEventListener!io.kamea.ingestion.rabbitmq.RabbitMessageListener")
    RabbitMessageListener connectivity;

    @Override
    public List<Rejection> onMessages(List<RabbitMessage> batch) {
        return connectivity.onMessages(batch);
    }
}
