package io.kamea.ingestion.rejected;

import io.kamea.broker.BrokerSettings;
import io.kamea.broker.BrokerUnavailableException;
import io.kamea.broker.RabbitManagementApi;
import io.kamea.broker.RabbitManagementApi.GetMessages;
import io.kamea.broker.RabbitManagementApi.GotMessage;
import io.kamea.broker.RabbitManagementApi.QueueDepth;
import io.kamea.ingestion.IngestionStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads and purges the stores through the broker's management API: three calls for a look (the
 * queue's statistics, then a peek at its head message, which the broker puts back), one for a
 * purge. Nothing reads a whole queue: counts by reason are the ones ingestion keeps as it
 * dead-letters ({@link IngestionStatistics}), since a queue cannot be counted by header.
 */
@ApplicationScoped
public class RejectedStores {

    @Inject
    RabbitManagementApi api;

    @Inject
    BrokerSettings settings;

    @Inject
    IngestionStatistics statistics;

    public RejectedStoreState state(RejectedStore store) {
        QueueDepth depth = depth(store);
        List<GotMessage> head = call(store, "peek at",
                () -> api.getMessages(settings.vhost(), store.queue(), GetMessages.peekHead()));
        Map<String, Map<String, Long>> counted = store == RejectedStore.DEAD_LETTER
                ? statistics.rejectedByStream() : Map.of();
        return new RejectedStoreState(store, depth.messages(), depth.message_bytes(), bounds(depth),
                head.isEmpty() ? null : OldestMessage.of(head.get(0)),
                new RejectedStoreState.IngestionCounts(statistics.since(), counted));
    }

    /** The queue's statistics: one call, for the metrics too. */
    public QueueDepth depth(RejectedStore store) {
        return call(store, "read",
                () -> api.queueDepth(settings.vhost(), store.queue(), QueueDepth.COLUMNS));
    }

    /** Removes every message ready in the store (one being peeked at that moment stays). */
    public void purge(RejectedStore store) {
        call(store, "purge", () -> {
            api.purgeQueue(settings.vhost(), store.queue());
            return null;
        });
    }

    private static RejectedStoreState.Bounds bounds(QueueDepth depth) {
        Map<String, Object> definition = depth.effective_policy_definition();
        if (depth.policy() == null || depth.policy().isEmpty() || definition == null) {
            return null;
        }
        return new RejectedStoreState.Bounds(depth.policy(), number(definition.get("max-length")),
                number(definition.get("max-length-bytes")),
                // drop-head is what RabbitMQ does where a policy names no overflow
                definition.get("overflow") instanceof String overflow ? overflow : "drop-head");
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private <T> T call(RejectedStore store, String verb, Supplier<T> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            throw new BrokerUnavailableException("Cannot reach the broker to " + verb + " the queue " + store.queue(), e);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new BrokerUnavailableException(status == 404
                    ? "The broker has no queue " + store.queue() + " in vhost " + settings.vhost()
                            + " (were the definitions of server-config/rabbitmq loaded?)"
                    : "The broker refused to " + verb + " the queue " + store.queue() + " (HTTP " + status + ")", e);
        }
    }
}
