package io.kamea.simulator;

/**
 * The connected devices of a publish run and the machinery that makes them send: a Paho client
 * per device driven by publishing threads ({@link PahoPublishers}), or Vert.x MQTT clients on a
 * few event loops that send from their acknowledgement handlers ({@link EventLoopPublishers}).
 * Both count into the run's {@link PublishStatistics}.
 */
interface Publishers extends AutoCloseable {

    /** Connects every device over TLS and waits for the CONNACKs; fails if one cannot connect. */
    void connect() throws Exception;

    /**
     * Starts publishing until {@code endNanos}: message {@code i} is due at
     * {@code startNanos + i / rate} ({@link PublishSchedule}), or as fast as the windows allow at rate 0.
     */
    void start(long startNanos, long endNanos);

    /** Stops publishing; once it returns, no further message is sent. */
    void stop() throws InterruptedException;

    /** Waits until every publish is acknowledged or failed, at most until the deadline (epoch ms). */
    void awaitIdle(long deadlineMillis) throws InterruptedException;

    /** Disconnects every device and releases the threads. */
    @Override
    void close();
}
