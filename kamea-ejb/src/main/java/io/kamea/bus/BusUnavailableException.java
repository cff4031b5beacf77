package io.kamea.bus;

/** The bus could not take the messages; nothing of the batch was committed. */
public class BusUnavailableException extends RuntimeException {

    public BusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
