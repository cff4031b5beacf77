package io.kamea.contract;

import java.util.List;

/**
 * The names of the properties every message the ingestion forwards to the bus carries, and the
 * values of {@link #KIND}: what the bus's subscribers select on (docs/bus.md).
 */
public final class BusHeaders {

    /** {@link #TELEMETRY} or {@link #REPORTED_CONFIGURATION}. */
    public static final String KIND = "kamea_kind";
    /** The device's Kamea id. */
    public static final String DEVICE_ID = "kamea_device_id";
    /** The device's name. */
    public static final String DEVICE_NAME = "kamea_device_name";
    /** The device's name on the broker: its login and its topics' second level. */
    public static final String INTERFACE_NAME = "kamea_interface_name";
    /** How to read the payload. */
    public static final String CODEC = "kamea_codec";
    /** When the message was received, epoch milliseconds (a long). */
    public static final String RECEIVED_AT = "kamea_received_at";
    /** The broker's message id, else one the consumer made. */
    public static final String MESSAGE_ID = "kamea_message_id";

    /** {@link #KIND} of telemetry, the payload untouched. */
    public static final String TELEMETRY = "telemetry";
    /** {@link #KIND} of a reported configuration, with what changed. */
    public static final String REPORTED_CONFIGURATION = "reported-configuration";

    private BusHeaders() {
    }

    /** Every property name above, in the order the ingestion sets them. */
    public static List<String> names() {
        return List.of(KIND, DEVICE_ID, DEVICE_NAME, INTERFACE_NAME, CODEC, RECEIVED_AT, MESSAGE_ID);
    }
}
