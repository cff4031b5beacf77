package io.kamea.broker;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;

/** How a failed management API call reaches Kamea's callers: a {@link BrokerUnavailableException}, 503. */
final class BrokerCalls {

    private BrokerCalls() {
    }

    /** Runs {@code calls}; {@code what} completes "Cannot reach the broker to ..." when they fail. */
    static <T> T call(String what, Supplier<T> calls) {
        try {
            return calls.get();
        } catch (ProcessingException e) {
            throw new BrokerUnavailableException("Cannot reach the broker to " + what, e);
        } catch (WebApplicationException e) {
            throw new BrokerUnavailableException(
                    "The broker refused to " + what + " (HTTP " + e.getResponse().getStatus() + ")", e);
        }
    }
}
