package io.kamea.ingestion;

import io.kamea.configuration.ReportedConfigurationIngestion;
import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.RabbitMessageListener;
import io.kamea.ingestion.rabbitmq.Rejection;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/** Reported-configuration ingestion as the ReportedConfigurationConsumer MDB sees it. */
@Stateless
@Local(RabbitMessageListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportedConfigurationListener implements RabbitMessageListener {

    @Inject
    ReportedConfigurationIngestion ingestion;

    @Inject
    Batches batches;

    @Override
    public List<Rejection> onMessages(List<RabbitMessage> batch) {
        return batches.ingest(ReportedConfigurationIngestion.STREAM, batch, ingestion::ingest);
    }
}
