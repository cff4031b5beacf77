package io.kamea.ingestion.rabbitmq;

/**
 * Thrown by a listener when a batch failed through no fault of its messages (the bus is down, the
 * database is unreachable): the adapter redelivers the batch later, with back-off, without
 * counting an attempt against the messages.
 */
public class TransientFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientFailureException(String message) {
        super(message);
    }
}
