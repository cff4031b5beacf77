package io.kamea.ingestion.rabbitmq.adapter;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One message-driven bean consuming one queue: its connection (automatic recovery on), its
 * {@code concurrency} channels with one consumer each, its dead-letter publisher and the failed
 * attempts of its messages. The connection is opened by a {@code Work}, retried with back-off
 * while the broker is down, never inside {@code endpointActivation}.
 */
final class EndpointActivation {

    static final int ATTEMPTS_REMEMBERED = 10_000;
    static final long FIRST_RETRY_MILLIS = 1_000;
    static final long MAX_RETRY_MILLIS = 30_000;

    private static final Logger LOG = Logger.getLogger(EndpointActivation.class.getName());

    private final MessageEndpointFactory endpointFactory;
    private final String queue;
    private final int prefetch;
    private final int concurrency;
    private final int maxBatchSize;
    private final int batchLingerMillis;
    private final int maxAttempts;
    private final String deadLetterExchange;
    private final WorkManager workManager;
    private final Delayer delayer;
    private final ConnectionOpener opener;
    private final AttemptCounter attempts = new AttemptCounter(ATTEMPTS_REMEMBERED);
    private final Duration deactivationTimeout;

    private final Object stateLock = new Object();
    private boolean active = true;
    private Thread connectingThread;
    private Connection connection;
    private DeadLetters deadLetters;
    private final List<QueueConsumer> consumers = new ArrayList<>();

    EndpointActivation(MessageEndpointFactory endpointFactory, RabbitActivationSpec spec, WorkManager workManager,
            Delayer delayer, ConnectionOpener opener, Duration deactivationTimeout) {
        this.endpointFactory = endpointFactory;
        this.queue = spec.getQueue();
        this.prefetch = spec.getPrefetch();
        this.concurrency = spec.getConcurrency();
        this.maxBatchSize = spec.getMaxBatchSize();
        this.batchLingerMillis = spec.getBatchLingerMillis();
        this.maxAttempts = spec.getMaxAttempts();
        this.deadLetterExchange = spec.getDeadLetterExchange();
        this.workManager = workManager;
        this.delayer = delayer;
        this.opener = opener;
        this.deactivationTimeout = deactivationTimeout;
    }

    /** Schedules the connecting work; returns at once. */
    void start() throws WorkException {
        workManager.scheduleWork(new ConnectWork());
    }

    /** Opens the connection and starts consuming, retrying with back-off until it works or we stop. */
    final class ConnectWork implements Work {
        @Override
        public void run() {
            synchronized (stateLock) {
                if (!active) {
                    return;
                }
                connectingThread = Thread.currentThread();
            }
            try {
                long wait = FIRST_RETRY_MILLIS;
                while (isActive()) {
                    try {
                        connect();
                        return;
                    } catch (IOException | TimeoutException | RuntimeException e) {
                        if (!isActive()) {
                            return;
                        }
                        LOG.warning(String.format("queue %s: cannot consume (%s); retrying in %d s",
                                queue, e, wait / 1000));
                    }
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException e) {
                        return; // deactivated or released by the container
                    }
                    wait = Math.min(wait * 2, MAX_RETRY_MILLIS);
                }
            } finally {
                synchronized (stateLock) {
                    connectingThread = null;
                }
                Thread.interrupted(); // the work manager's thread goes back clean
            }
        }

        @Override
        public void release() {
            synchronized (stateLock) {
                if (connectingThread != null) {
                    connectingThread.interrupt();
                }
            }
        }
    }

    private void connect() throws IOException, TimeoutException {
        Connection conn = opener.open("kamea-consumer:" + queue);
        List<QueueConsumer> started = new ArrayList<>();
        DeadLetters letters = new DeadLetters(conn::createChannel, deadLetterExchange, queue);
        try {
            for (int i = 0; i < concurrency; i++) {
                Channel channel = conn.createChannel();
                QueueConsumer consumer = new QueueConsumer(this, channel, letters, i + 1);
                started.add(consumer);
                consumer.start();
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(conn);
            throw e;
        }
        synchronized (stateLock) {
            if (active) {
                connection = conn;
                deadLetters = letters;
                consumers.addAll(started);
                LOG.info(String.format("queue %s: consuming on %d channel(s), prefetch %d, batches up to %d, linger %d ms",
                        queue, concurrency, prefetch, maxBatchSize, batchLingerMillis));
                return;
            }
        }
        shutDown(conn, started, letters); // deactivated while connecting
    }

    /** Cancels the consumers, lets the batches in flight end (bounded), closes everything. */
    void stop() {
        Connection conn;
        List<QueueConsumer> stopping;
        DeadLetters letters;
        synchronized (stateLock) {
            active = false;
            if (connectingThread != null) {
                connectingThread.interrupt();
            }
            conn = connection;
            stopping = new ArrayList<>(consumers);
            letters = deadLetters;
            connection = null;
            deadLetters = null;
            consumers.clear();
        }
        shutDown(conn, stopping, letters);
    }

    private void shutDown(Connection conn, List<QueueConsumer> stopping, DeadLetters letters) {
        stopping.forEach(QueueConsumer::cancel);
        long deadline = System.nanoTime() + deactivationTimeout.toNanos();
        for (QueueConsumer consumer : stopping) {
            if (!consumer.awaitIdle(deadline)) {
                LOG.warning("queue " + queue + ": a batch was still with the bean after "
                        + deactivationTimeout.toSeconds() + " s; closing anyway (the broker redelivers it)");
                break;
            }
        }
        stopping.forEach(QueueConsumer::close);
        if (letters != null) {
            letters.close();
        }
        if (conn != null) {
            closeQuietly(conn);
            LOG.info("queue " + queue + ": stopped consuming");
        }
    }

    private static void closeQuietly(Connection conn) {
        try {
            conn.close(5_000);
        } catch (AlreadyClosedException e) {
            // closed by the broker or by a failed start: nothing left to do
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing the connection: {0}", e.toString());
            conn.abort(1_000);
        }
    }

    boolean isActive() {
        synchronized (stateLock) {
            return active;
        }
    }

    /** The consumers of the current connection (empty until connected). */
    List<QueueConsumer> consumers() {
        synchronized (stateLock) {
            return List.copyOf(consumers);
        }
    }

    MessageEndpointFactory endpointFactory() {
        return endpointFactory;
    }

    String queue() {
        return queue;
    }

    int prefetch() {
        return prefetch;
    }

    int maxBatchSize() {
        return maxBatchSize;
    }

    int batchLingerMillis() {
        return batchLingerMillis;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    WorkManager workManager() {
        return workManager;
    }

    Delayer delayer() {
        return delayer;
    }

    AttemptCounter attempts() {
        return attempts;
    }
}
