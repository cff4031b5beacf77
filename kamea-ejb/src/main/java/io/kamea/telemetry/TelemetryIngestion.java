package io.kamea.telemetry;

import io.kamea.bus.BusMessage;
import io.kamea.bus.BusPublisher;
import io.kamea.bus.BusSettings;
import io.kamea.contract.BusHeaders;
import io.kamea.ingestion.IncomingMessage;
import io.kamea.ingestion.IngestionInfo;
import io.kamea.ingestion.IngestionStatistics;
import io.kamea.ingestion.RejectedMessage;
import io.kamea.ingestion.SendingDevices;
import io.kamea.provisioning.DeviceDirectory;
import io.kamea.provisioning.DeviceDirectory.DeviceInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Forwards telemetry to the bus's raw-data topic. Payloads are opaque here (the codec reads them
 * later), so a message is only ever refused for naming no device.
 */
@ApplicationScoped
public class TelemetryIngestion {

    public static final String STREAM = BusHeaders.TELEMETRY;

    @Inject
    DeviceDirectory directory;

    @Inject
    BusPublisher bus;

    @Inject
    IngestionStatistics statistics;

    @Inject
    BusSettings busSettings;

    /** Sends the batch in one bus transaction; returns what must go to the dead-letter queue. */
    public List<RejectedMessage> ingest(List<IncomingMessage> batch) {
        SendingDevices devices = SendingDevices.of(directory, batch);
        List<BusMessage> out = new ArrayList<>(batch.size());
        List<RejectedMessage> rejections = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            IncomingMessage message = batch.get(i);
            DeviceInfo device = devices.of(message);
            if (device == null) {
                rejections.add(SendingDevices.unknown(i, message));
                statistics.rejected(STREAM, "unknown-device");
                continue;
            }
            String messageId = message.messageId() != null ? message.messageId() : UUID.randomUUID().toString();
            out.add(new BusMessage(message.payload(), false,
                    IngestionInfo.properties(STREAM, device, message, messageId), message.messageId()));
        }
        bus.publish(busSettings.rawDataTopic(), out);
        statistics.forwarded(STREAM, out.size());
        return rejections;
    }
}
