package io.kamea.ingestion.rabbitmq.adapter;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Consumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.Rejection;
import jakarta.resource.spi.work.WorkAdapter;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One channel and its consumer, with natural batching: deliveries pile up while a batch is with the
 * bean; when it is done, everything pending (up to {@code maxBatchSize}) goes as the next batch.
 * Under high load batches grow. A delivery to an idle consumer waits {@code batchLingerMillis}
 * for company (0: it goes alone at once): at moderate rates batches of one would cost a bean call,
 * a bus commit and an ack each. At most one batch is in flight per channel, so that
 * {@code basicAck(lastTag, multiple=true)} settles exactly it.
 * <p>
 * amqp-client calls {@link #handleDelivery} and the other callbacks on the connection's reader
 * thread ({@link CallerRunsExecutor}): they must never block nor make a synchronous channel call.
 * Batches end on work manager threads. {@code lock} guards the pending list and the in-flight
 * state; broker I/O is done outside it, while the in-flight flag keeps the next batch waiting.
 */
final class QueueConsumer implements Consumer {

    static final long FIRST_BACKOFF_MILLIS = 200;
    static final long MAX_BACKOFF_MILLIS = 5_000;

    private static final Logger LOG = Logger.getLogger(QueueConsumer.class.getName());

    private final EndpointActivation activation;
    private final Channel channel;
    private final DeadLetters deadLetters;
    private final String name;

    private final Object lock = new Object();
    private final ArrayDeque<Received> pending = new ArrayDeque<>();
    private boolean inFlight;
    private boolean backingOff;
    /** A linger is scheduled: it ends by taking what is pending. */
    private boolean lingering;
    private boolean stopped;
    /** Incremented when the channel goes down: tags of older deliveries mean nothing any more. */
    private long generation;
    private long backoffMillis;
    private volatile String consumerTag;

    QueueConsumer(EndpointActivation activation, Channel channel, DeadLetters deadLetters, int index) {
        this.activation = activation;
        this.channel = channel;
        this.deadLetters = deadLetters;
        this.name = activation.queue() + "#" + index;
    }

    /** A batch handed to the bean, and the channel generation it was delivered on. */
    static final class Batch {
        final List<Received> items;
        final long generation;
        private final AtomicBoolean finished = new AtomicBoolean();

        Batch(List<Received> items, long generation) {
            this.items = items;
            this.generation = generation;
        }

        long lastTag() {
            return items.get(items.size() - 1).deliveryTag();
        }

        List<RabbitMessage> messages() {
            return items.stream().map(Received::message).toList();
        }
    }

    void start() throws IOException {
        channel.basicQos(activation.prefetch());
        consumerTag = channel.basicConsume(activation.queue(), false, this);
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        Received received = Received.of(activation.queue(), envelope, properties, body);
        Batch next;
        synchronized (lock) {
            if (stopped) {
                return; // never acknowledged: the broker requeues it when the channel closes
            }
            pending.addLast(received);
            next = takeBatchLocked(false);
        }
        submit(next);
    }

    private void endLinger() {
        Batch next;
        synchronized (lock) {
            lingering = false;
            next = takeBatchLocked(true);
        }
        submit(next);
    }

    /**
     * The next batch if this channel may start one now; marks it in flight. Unless
     * {@code waited}, a batch short of {@code maxBatchSize} first lingers.
     */
    private Batch takeBatchLocked(boolean waited) {
        if (inFlight || backingOff || stopped || pending.isEmpty()) {
            return null;
        }
        long linger = activation.batchLingerMillis();
        if (!waited && linger > 0 && pending.size() < activation.maxBatchSize()) {
            if (!lingering) {
                lingering = true;
                activation.delayer().schedule(this::endLinger, linger);
            }
            return null;
        }
        List<Received> items = new ArrayList<>();
        AttemptCounter attempts = activation.attempts();
        while (!pending.isEmpty() && items.size() < activation.maxBatchSize()) {
            // A message that failed before goes alone, so that a poison message fails by itself.
            if (attempts.failedBefore(pending.peekFirst().attemptKey())) {
                if (items.isEmpty()) {
                    items.add(pending.pollFirst());
                }
                break;
            }
            items.add(pending.pollFirst());
        }
        inFlight = true;
        return new Batch(List.copyOf(items), generation);
    }

    private void submit(Batch batch) {
        if (batch == null) {
            return;
        }
        RabbitDeliveryWork work = new RabbitDeliveryWork(activation.endpointFactory(), batch.messages(),
                outcome -> finish(batch, outcome));
        try {
            activation.workManager().scheduleWork(work, WorkManager.INDEFINITE, null, new WorkAdapter() {
                @Override
                public void workRejected(WorkEvent event) {
                    finish(batch, DeliveryOutcome.transientFailure(event.getException()));
                }
            });
        } catch (WorkException | RuntimeException e) {
            finish(batch, DeliveryOutcome.transientFailure(e));
        }
    }

    /** Settles a batch with the broker, then starts the next one (after a back-off if asked). */
    void finish(Batch batch, DeliveryOutcome outcome) {
        if (!batch.finished.compareAndSet(false, true)) {
            return;
        }
        boolean current;
        synchronized (lock) {
            current = batch.generation == generation;
        }
        long delay = 0;
        if (current) {
            delay = settle(batch, outcome);
        } else {
            LOG.fine(() -> name + ": channel recovered while a batch was delivered; the broker redelivers it");
        }
        Batch next;
        synchronized (lock) {
            inFlight = false;
            backingOff = delay > 0 && !stopped;
            next = takeBatchLocked(true); // what is pending waited for the batch in flight already
            lock.notifyAll();
        }
        if (delay > 0 && !isStopped()) {
            activation.delayer().schedule(this::endBackoff, delay);
        }
        submit(next);
    }

    private void endBackoff() {
        Batch next;
        synchronized (lock) {
            backingOff = false;
            next = takeBatchLocked(true);
        }
        submit(next);
    }

    /** Acks, nacks and dead-letters by the outcome; returns the back-off before the next batch (0: none). */
    private long settle(Batch batch, DeliveryOutcome outcome) {
        long lastTag = batch.lastTag();
        AttemptCounter attempts = activation.attempts();
        try {
            switch (outcome.kind()) {
                case DELIVERED -> {
                    List<DeadLetters.Letter> letters = letters(batch, outcome.rejections());
                    deadLetters.publish(letters); // confirmed before the ack: nothing accepted is lost
                    channel.basicAck(lastTag, true);
                    batch.items.forEach(r -> attempts.forget(r.attemptKey()));
                    if (!letters.isEmpty()) {
                        LOG.info(() -> String.format("%s: dead-lettered %d of %d message(s) the listener rejected (first: %s)",
                                name, letters.size(), batch.items.size(), letters.get(0).reason()));
                    }
                    backoffMillis = 0;
                    return 0;
                }
                case TRANSIENT_FAILURE -> {
                    channel.basicNack(lastTag, true, true);
                    long delay = growBackoff();
                    LOG.warning(String.format("%s: %d message(s) requeued, retrying in %d ms after a transient failure: %s",
                            name, batch.items.size(), delay, outcome.describe()));
                    return delay;
                }
                default -> {
                    return settleFailure(batch, outcome, attempts);
                }
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            // Dead-lettering or acking failed: give the batch back; the broker redelivers it.
            try {
                channel.basicNack(lastTag, true, true);
            } catch (IOException | RuntimeException nackFailure) {
                LOG.log(Level.FINE, "nack after a failed settlement: {0}", nackFailure.toString());
            }
            long delay = growBackoff();
            LOG.warning(String.format("%s: could not settle %d message(s) with the broker, requeued, retrying in %d ms: %s",
                    name, batch.items.size(), delay, e));
            return delay;
        }
    }

    /**
     * Every failure waits before the next batch, growing while failures follow each other: a
     * failing server (a database restarting, a deployment in progress) then neither spins nor uses
     * up a message's attempts within milliseconds.
     */
    private long growBackoff() {
        backoffMillis = backoffMillis == 0 ? FIRST_BACKOFF_MILLIS : Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
        return backoffMillis;
    }

    /**
     * A failure that counts: one attempt per message. A message is dead-lettered only when it
     * failed alone ({@code maxAttempts} times in all), never for sharing a batch with a poison one.
     */
    private long settleFailure(Batch batch, DeliveryOutcome outcome, AttemptCounter attempts)
            throws IOException, TimeoutException {
        long lastTag = batch.lastTag();
        if (batch.items.size() == 1) {
            Received only = batch.items.get(0);
            int attempt = attempts.increment(only.attemptKey());
            if (attempt >= activation.maxAttempts()) {
                String reason = "failed " + attempt + " times: " + outcome.describe();
                deadLetters.publish(List.of(new DeadLetters.Letter(only, reason)));
                channel.basicAck(lastTag, true);
                attempts.forget(only.attemptKey());
                LOG.warning(String.format("%s: message %s dead-lettered after %d failed attempts: %s",
                        name, describe(only), attempt, outcome.describe()));
                return 0;
            }
            channel.basicNack(lastTag, true, true);
            LOG.warning(String.format("%s: message %s failed (attempt %d of %d), requeued: %s",
                    name, describe(only), attempt, activation.maxAttempts(), outcome.describe()));
            return growBackoff();
        }
        batch.items.forEach(r -> attempts.increment(r.attemptKey()));
        channel.basicNack(lastTag, true, true);
        LOG.warning(String.format("%s: batch of %d failed, requeued, its messages are retried one by one: %s",
                name, batch.items.size(), outcome.describe()));
        return growBackoff();
    }

    private static String describe(Received r) {
        RabbitMessage m = r.message();
        return (m.messageId() != null ? "id " + m.messageId() : "tag " + m.deliveryTag()) + " (" + m.routingKey() + ")";
    }

    private List<DeadLetters.Letter> letters(Batch batch, List<Rejection> rejections) {
        if (rejections == null || rejections.isEmpty()) {
            return List.of();
        }
        Map<Long, Received> byTag = new HashMap<>();
        batch.items.forEach(r -> byTag.put(r.deliveryTag(), r));
        List<DeadLetters.Letter> letters = new ArrayList<>();
        for (Rejection rejection : rejections) {
            Received r = rejection == null || rejection.message() == null ? null
                    : byTag.remove(rejection.message().deliveryTag());
            if (r == null) {
                LOG.warning(name + ": the listener rejected a message that is not in its batch; ignored");
            } else {
                letters.add(new DeadLetters.Letter(r, rejection.reason()));
            }
        }
        return letters;
    }

    private boolean isStopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    /** Stops taking deliveries and cancels the consumer; the batch in flight still ends normally. */
    void cancel() {
        synchronized (lock) {
            stopped = true;
            backingOff = false;
            pending.clear();
        }
        String tag = consumerTag;
        if (tag != null) {
            try {
                channel.basicCancel(tag);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "cancelling consumer {0}: {1}", new Object[] {tag, e.toString()});
            }
        }
    }

    /** Waits until no batch is in flight, at most until {@code deadline} (System.nanoTime()). */
    boolean awaitIdle(long deadline) {
        synchronized (lock) {
            while (inFlight) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    void close() {
        DeadLetters.closeQuietly(channel);
    }

    int pendingCount() {
        synchronized (lock) {
            return pending.size();
        }
    }

    @Override
    public void handleConsumeOk(String tag) {
        consumerTag = tag; // a new tag after every recovery
    }

    @Override
    public void handleCancelOk(String tag) {
    }

    @Override
    public void handleCancel(String tag) {
        LOG.warning(name + ": the broker cancelled the consumer (queue deleted?); no more deliveries on this channel");
    }

    /** The channel went down: pending deliveries are void (the broker redelivers them). */
    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
        boolean wasStopped;
        synchronized (lock) {
            generation++;
            pending.clear();
            wasStopped = stopped;
        }
        if (!wasStopped && !signal.isInitiatedByApplication()) {
            LOG.warning(name + ": channel closed (" + signal.getMessage() + "); waiting for recovery");
        }
    }

    @Override
    public void handleRecoverOk(String tag) {
    }
}
