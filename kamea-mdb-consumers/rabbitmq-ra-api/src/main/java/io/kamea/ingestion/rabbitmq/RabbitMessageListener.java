package io.kamea.ingestion.rabbitmq;

import java.util.List;

/**
 * Message listener of the Kamea RabbitMQ resource adapter, implemented by message-driven beans.
 * The adapter calls it with a batch of messages from one queue, in queue order.
 */
public interface RabbitMessageListener {

    /**
     * Handles a batch of messages.
     *
     * @param batch the messages, in queue order (never empty)
     * @return the messages to dead-letter, each with its reason (may be empty); all other messages
     *         of the batch are acknowledged after this method returns normally
     * @throws TransientFailureException when the failure is not the messages' fault (e.g. the bus
     *         is down): the batch is redelivered later, with back-off, without counting an attempt.
     *         Any other exception counts one failed attempt per message.
     */
    List<Rejection> onMessages(List<RabbitMessage> batch);
}
