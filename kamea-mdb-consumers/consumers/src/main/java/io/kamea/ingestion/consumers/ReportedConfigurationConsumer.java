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
 * Reported configurations from the {@code kamea.reported-configurations} queue to the bus's
 * reported-state topic. One consumer, so a device's reports are compared and stored in the order
 * it sent them.
 */
@MessageDriven(name = "ReportedConfigurationConsumer", activationConfig = {
    @ActivationConfigProperty(propertyName = "queue", propertyValue = "kamea.reported-configurations"),
    @ActivationConfigProperty(propertyName = "concurrency", propertyValue = "1"),
    @ActivationConfigProperty(propertyName = "prefetch", propertyValue = "500"),
    @ActivationConfigProperty(propertyName = "maxBatchSize", propertyValue = "200"),
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "kamea#rabbitmq-ra")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportedConfigurationConsumer implements RabbitMessageListener {

    /** Portable name of the ingestion service in the kamea-ejb module. */
    @EJB(lookup = "java:app/kamea-ejb/ReportedConfigurationListener!io.kamea.ingestion.rabbitmq.RabbitMessageListener")
    RabbitMessageListener ingestion;

    @Override
    public List<Rejection> onMessages(List<RabbitMessage> batch) {
        return ingestion.onMessages(batch);
    }
}
