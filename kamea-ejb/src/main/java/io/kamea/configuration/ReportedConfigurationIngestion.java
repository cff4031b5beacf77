package io.kamea.configuration;

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
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ingests reported configurations: each one is the device's whole configuration, compared with
 * the previous one to tell which keys were added, changed and removed, forwarded to the bus's
 * reported-state topic, then stored. Reports of one device must come in order (one consumer).
 */
@ApplicationScoped
public class ReportedConfigurationIngestion {

    /** Looked up once: {@code Json.create...} searches the class path for a provider at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String STREAM = BusHeaders.REPORTED_CONFIGURATION;

    @Inject
    DeviceDirectory directory;

    @Inject
    ReportedConfigurationStore store;

    @Inject
    BusPublisher bus;

    @Inject
    IngestionStatistics statistics;

    @Inject
    BusSettings busSettings;

    public List<RejectedMessage> ingest(List<IncomingMessage> batch) {
        SendingDevices devices = SendingDevices.of(directory, batch);
        Map<String, JsonObject> previous = new HashMap<>();
        store.current(devices.all().stream().map(DeviceInfo::id).toList())
                .forEach((id, stored) -> previous.put(id, parse(stored.getDocument().getBytes(StandardCharsets.UTF_8))));

        List<BusMessage> out = new ArrayList<>();
        List<RejectedMessage> rejections = new ArrayList<>();
        Map<String, ReportedConfigurationStore.Report> latest = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            IncomingMessage message = batch.get(i);
            DeviceInfo device = devices.of(message);
            if (device == null) {
                rejections.add(SendingDevices.unknown(i, message));
                statistics.rejected(STREAM, "unknown-device");
                continue;
            }
            JsonObject document = parse(message.payload());
            if (document == null) {
                rejections.add(new RejectedMessage(i, "invalid-configuration: a reported configuration must be a JSON object"));
                statistics.rejected(STREAM, "invalid-configuration");
                continue;
            }
            ConfigurationChange change = ConfigurationChange.between(previous.get(device.id()), document);
            previous.put(device.id(), document);
            String messageId = message.messageId() != null ? message.messageId() : UUID.randomUUID().toString();
            out.add(new BusMessage(busBody(document, change).getBytes(StandardCharsets.UTF_8), true,
                    IngestionInfo.properties(STREAM, device, message, messageId), message.messageId()));
            var before = latest.get(device.id());
            latest.put(device.id(), new ReportedConfigurationStore.Report(document.toString(),
                    message.receivedAt().atOffset(ZoneOffset.UTC), before == null ? 1 : before.reports() + 1));
        }
        // Bus first, then the database: if storing fails, the batch comes again and the same
        // changes are computed against the same stored documents.
        bus.publish(busSettings.reportedStateTopic(), out);
        store.replaceAll(latest);
        statistics.forwarded(STREAM, out.size());
        return rejections;
    }

    private static String busBody(JsonObject document, ConfigurationChange change) {
        return JSON.createObjectBuilder()
                .add("document", document)
                .add("added", JSON.createArrayBuilder(change.added()))
                .add("changed", JSON.createArrayBuilder(change.changed()))
                .add("removed", JSON.createArrayBuilder(change.removed()))
                .build()
                .toString();
    }

    /** The JSON object in these bytes, or null if they hold anything else. */
    static JsonObject parse(byte[] bytes) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
