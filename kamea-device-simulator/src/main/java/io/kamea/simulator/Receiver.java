package io.kamea.simulator;

/**
 * A downstream consumer the simulator measures: the bus's raw-data topic (end to end) or a
 * scratch AMQP queue (the broker alone).
 */
public interface Receiver extends AutoCloseable {

    /** Short name for reports. */
    String name();

    /** Subscribes; messages published afterwards are counted in {@link #reception()}. */
    void start() throws Exception;

    /** The counts and latencies so far. */
    Reception reception();

    /** Extra figures for the summary (key=value pairs, space separated), or "". */
    default String details() {
        return "";
    }

    /** Extra figures for a progress line about the interval since the previous one, or "". */
    default String progress() {
        return "";
    }

    @Override
    void close();
}
