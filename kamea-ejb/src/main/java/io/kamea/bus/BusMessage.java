package io.kamea.bus;

import java.util.Map;

/**
 * One message for the bus: a body and its properties (String, Long or Boolean values). The
 * duplicate-detection id, when known, makes the bus drop a second copy of the same message.
 */
public record BusMessage(byte[] body, boolean text, Map<String, Object> properties, String duplicateId) {
}
