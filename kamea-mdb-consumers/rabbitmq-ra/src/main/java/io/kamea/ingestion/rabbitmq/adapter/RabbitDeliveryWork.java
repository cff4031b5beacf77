package io.kamea.ingestion.rabbitmq.adapter;

import io.kamea.ingestion.rabbitmq.RabbitMessage;
import io.kamea.ingestion.rabbitmq.RabbitMessageListener;
import io.kamea.ingestion.rabbitmq.Rejection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Consumer;

/**
 * One delivery of one batch to a message-driven bean, run on the container's work manager:
 * {@code createEndpoint} → {@code beforeDelivery} → {@code onMessages} → {@code afterDelivery} →
 * {@code release}. It never acknowledges anything itself: it reports how the delivery ended, and
 * the channel's consumer settles the batch with the broker.
 */
public final class RabbitDeliveryWork implements Work {

    static final Method ON_MESSAGES_METHOD;

    static {
        try {
            ON_MESSAGES_METHOD = RabbitMessageListener.class.getMethod("onMessages", List.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageEndpointFactory endpointFactory;
    private final List<RabbitMessage> batch;
    private final Consumer<DeliveryOutcome> whenDone;

    RabbitDeliveryWork(MessageEndpointFactory endpointFactory, List<RabbitMessage> batch,
            Consumer<DeliveryOutcome> whenDone) {
        this.endpointFactory = endpointFactory;
        this.batch = batch;
        this.whenDone = whenDone;
    }

    @Override
    public void run() {
        whenDone.accept(deliver());
    }

    /** The bean is not interrupted in the middle of a batch: the batch ends, then the channel stops. */
    @Override
    public void release() {
    }

    List<RabbitMessage> batch() {
        return batch;
    }

    DeliveryOutcome deliver() {
        MessageEndpoint endpoint;
        try {
            endpoint = endpointFactory.createEndpoint(null);
        } catch (UnavailableException | RuntimeException e) {
            // The bean was never called (pool exhausted, application stopping): not the messages' fault.
            return DeliveryOutcome.transientFailure(e);
        }
        try {
            if (!(endpoint instanceof RabbitMessageListener listener)) {
                return DeliveryOutcome.transientFailure(new IllegalStateException(
                        "endpoint " + endpoint.getClass().getName() + " does not implement RabbitMessageListener"));
            }
            try {
                endpoint.beforeDelivery(ON_MESSAGES_METHOD);
            } catch (NoSuchMethodException | ResourceException | RuntimeException e) {
                return DeliveryOutcome.failed(e);
            }
            List<Rejection> rejections = null;
            Throwable failure = null;
            try {
                rejections = listener.onMessages(batch);
            } catch (Throwable t) { // NOPMD: whatever the bean throws must end in a nack, or the channel stalls
                failure = t;
            }
            try {
                endpoint.afterDelivery();
            } catch (ResourceException | RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            return failure == null ? DeliveryOutcome.delivered(rejections) : DeliveryOutcome.failed(failure);
        } finally {
            endpoint.release();
        }
    }
}
