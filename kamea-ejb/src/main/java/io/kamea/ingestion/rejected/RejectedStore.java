package io.kamea.ingestion.rejected;

/**
 * The two queues where the broker keeps messages that were not ingested, by the name the API
 * gives them. Both are declared, and bounded, in server-config/rabbitmq/definitions.json.template
 * (policy {@code kamea-rejected-bounds}: past its length or bytes a queue drops its oldest).
 */
public enum RejectedStore {

    /** Refused by ingestion, with the reason in {@code x-kamea-reason}, or dead-lettered by the broker ({@code x-death}). */
    DEAD_LETTER("dead-letter", "kamea.dead-letter"),
    /** Accepted by the broker (QoS 1 PUBACK) but bound to no queue: {@code amq.topic}'s alternate exchange. */
    UNROUTABLE("unroutable", "kamea.unroutable");

    private final String id;
    private final String queue;

    RejectedStore(String id, String queue) {
        this.id = id;
        this.queue = queue;
    }

    /** The name in the API's paths. */
    public String id() {
        return id;
    }

    public String queue() {
        return queue;
    }

    /** The store the API calls {@code id}; 404 if there is none. */
    public static RejectedStore byId(String id) {
        for (RejectedStore store : values()) {
            if (store.id.equals(id)) {
                return store;
            }
        }
        throw new RejectedStoreNotFoundException(id);
    }
}
