package io.kamea.ingestion.rabbitmq.adapter;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes refused messages to the dead-letter exchange, on a channel of its own with publisher
 * confirms: {@link #publish} returns only once the broker has taken every message, so that the
 * caller may then acknowledge the originals. Shared by the channels of one activation.
 */
final class DeadLetters {

    static final String REASON = "x-kamea-reason";
    static final String QUEUE = "x-kamea-queue";
    static final String FAILED_AT = "x-kamea-failed-at";
    static final long CONFIRM_TIMEOUT_MILLIS = 30_000;

    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    /** A message to dead-letter and why. */
    record Letter(Received received, String reason) {
    }

    /** Opens the publishing channel (a seam for tests). */
    @FunctionalInterface
    interface ChannelOpener {
        Channel open() throws IOException;
    }

    private final ChannelOpener opener;
    private final String exchange;
    private final String sourceQueue;
    private Channel channel;
    private volatile boolean unroutable;

    DeadLetters(ChannelOpener opener, String exchange, String sourceQueue) {
        this.opener = opener;
        this.exchange = exchange;
        this.sourceQueue = sourceQueue;
    }

    /** Publishes and waits for the broker's confirms; throws if any was not confirmed or not routed. */
    synchronized void publish(List<Letter> letters) throws IOException, TimeoutException {
        if (letters.isEmpty()) {
            return;
        }
        try {
            Channel ch = channel();
            unroutable = false;
            String failedAt = Instant.now().toString();
            for (Letter letter : letters) {
                AMQP.BasicProperties original = letter.received().properties();
                Map<String, Object> headers = new HashMap<>();
                if (original.getHeaders() != null) {
                    headers.putAll(original.getHeaders());
                }
                headers.put(REASON, letter.reason() != null ? letter.reason() : "rejected");
                headers.put(QUEUE, sourceQueue);
                headers.put(FAILED_AT, failedAt);
                // mandatory: a dead-letter exchange that routes nowhere must fail, not drop the message
                ch.basicPublish(exchange, letter.received().message().routingKey(), true,
                        original.builder().headers(headers).build(), letter.received().message().body());
            }
            ch.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
            // basic.return arrives before the confirm of the same message
            if (unroutable) {
                throw new IOException("dead-letter exchange '" + exchange + "' routed a message to no queue");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardChannel();
            throw new IOException("interrupted while waiting for the dead-letter confirms", e);
        } catch (IOException | TimeoutException | RuntimeException e) {
            discardChannel();
            throw e;
        }
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            Channel ch = opener.open();
            ch.confirmSelect();
            ch.addReturnListener(returned -> unroutable = true);
            channel = ch;
        }
        return channel;
    }

    private void discardChannel() {
        Channel ch = channel;
        channel = null;
        closeQuietly(ch);
    }

    synchronized void close() {
        discardChannel();
    }

    static void closeQuietly(Channel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (AlreadyClosedException e) {
                // already gone with its connection
            } catch (IOException | TimeoutException | RuntimeException e) {
                LOG.log(Level.FINE, "closing a channel: {0}", e.toString());
            }
        }
    }
}
