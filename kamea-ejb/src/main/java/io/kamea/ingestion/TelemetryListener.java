package io.kamea.ingestion;

import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.RabbitMessageListener;
import io.kamea.ingestion.rabbitmq.Rejection;
import io.kamea.telemetry.TelemetryIngestion;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Telemetry ingestion as the TelemetryConsumer MDB sees it: through the adapter's listener
 * interface, so the MDB module needs nothing of this one but a JNDI name.
 */
@Stateless
@Local(RabbitMessageListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TelemetryListener implements RabbitMessageListener {

    @Inject
    TelemetryIngestion ingestion;

    @Inject
    Batches batches;

    @Override
    public List<Rejection> onMessages(List<RabbitMessage> batch) {
        return batches.ingest(TelemetryIngestion.STREAM, batch, ingestion::ingest);
    }
}
