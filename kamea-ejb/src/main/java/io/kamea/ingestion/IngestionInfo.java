package io.kamea.ingestion;

import io.kamea.contract.BusHeaders;
import io.kamea.provisioning.DeviceDirectory.DeviceInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bus message properties every ingested message carries ({@link BusHeaders}, docs/bus.md). */
public final class IngestionInfo {

    private IngestionInfo() {
    }

    public static Map<String, Object> properties(String kind, DeviceInfo device, IncomingMessage message,
                                                 String messageId) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(BusHeaders.KIND, kind);
        properties.put(BusHeaders.DEVICE_ID, device.id());
        properties.put(BusHeaders.DEVICE_NAME, device.name());
        properties.put(BusHeaders.INTERFACE_NAME, device.interfaceName());
        properties.put(BusHeaders.CODEC, device.codec());
        properties.put(BusHeaders.RECEIVED_AT, message.receivedAt().toEpochMilli());
        properties.put(BusHeaders.MESSAGE_ID, messageId);
        return properties;
    }
}
