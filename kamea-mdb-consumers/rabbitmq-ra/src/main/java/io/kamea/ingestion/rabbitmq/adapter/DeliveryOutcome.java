package io.kamea.ingestion.rabbitmq.adapter;

import io.kamea.ingestion.rabbitmq.Rejection;
import io.kamea.ingestion.rabbitmq.TransientFailureException;
import java.util.List;

/** How one delivery to the bean ended: returned (with rejections), failed transiently, or failed. */
record DeliveryOutcome(Kind kind, List<Rejection> rejections, Throwable failure) {

    enum Kind { DELIVERED, TRANSIENT_FAILURE, FAILURE }

    static DeliveryOutcome delivered(List<Rejection> rejections) {
        return new DeliveryOutcome(Kind.DELIVERED, rejections == null ? List.of() : rejections, null);
    }

    /** A failure, transient when its cause chain holds a TransientFailureException. */
    static DeliveryOutcome failed(Throwable failure) {
        return new DeliveryOutcome(isTransient(failure) ? Kind.TRANSIENT_FAILURE : Kind.FAILURE, List.of(), failure);
    }

    /** A failure that is not the messages' fault (e.g. no endpoint could be had). */
    static DeliveryOutcome transientFailure(Throwable failure) {
        return new DeliveryOutcome(Kind.TRANSIENT_FAILURE, List.of(), failure);
    }

    /** Containers wrap what a bean throws (EJBException, ...): look through the whole chain. */
    static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof TransientFailureException) {
                return true;
            }
        }
        return false;
    }

    /** One line for the log: the innermost message worth reading. */
    String describe() {
        if (failure == null) {
            return "no failure";
        }
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 32) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
        return root == failure ? text : failure.getClass().getSimpleName() + " caused by " + text;
    }
}
