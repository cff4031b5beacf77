package io.kamea.ingestion;

import io.kamea.provisioning.DeviceDirectory.DeviceInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bus message properties every ingested message carries (see docs/bus.md). */
public final class IngestionInfo {

    private IngestionInfo() {
    }

    public static Map<String, Object> properties(String kind, DeviceInfo device, IncomingMessage message,
                                                 String messageId) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("kamea_kind", kind);
        properties.put("kamea_device_id", device.id());
        properties.put("kamea_device_name", device.name());
        properties.put("kamea_interface_name", device.interfaceName());
        properties.put("kamea_codec", device.codec());
        properties.put("kamea_received_at", message.receivedAt().toEpochMilli());
        properties.put("kamea_message_id", messageId);
        return properties;
    }
}
