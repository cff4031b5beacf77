package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the test can see on the broker as administrator: queues and the messages in them. */
final class Broker {

    private Broker() {
    }

    /** A queue the test owns, bound to amq.topic, to watch what a routing key pattern receives. */
    static String watch(String routingKeyPattern) {
        String queue = "e2e." + java.util.UUID.randomUUID();
        ok(Http.management("PUT", "/queues/" + vhost() + "/" + queue, "{\"durable\":false,\"auto_delete\":false}"));
        ok(Http.management("POST", "/bindings/" + vhost() + "/e/amq.topic/q/" + queue,
                "{\"routing_key\":\"" + routingKeyPattern + "\"}"));
        return queue;
    }

    static void delete(String queue) {
        Http.management("DELETE", "/queues/" + vhost() + "/" + queue, null);
    }

    /** Payloads of up to {@code max} messages at the head of a queue, left in place. */
    static List<String> peek(String queue, int max) {
        Http.Reply reply = Http.management("POST", "/queues/" + vhost() + "/" + queue + "/get",
                "{\"count\":" + max + ",\"ackmode\":\"ack_requeue_true\",\"encoding\":\"auto\"}");
        ok(reply);
        JsonArray messages = (JsonArray) reply.parse();
        return messages.getValuesAs(JsonObject.class).stream().map(m -> m.getString("payload")).toList();
    }

    /** Messages in a queue, ready or delivered but not acked, as of the broker's last statistics (every 5 s). */
    static long waiting(String queue) {
        Http.Reply reply = Http.management("GET", "/queues/" + vhost() + "/" + queue, null);
        ok(reply);
        JsonObject stats = reply.json();
        return stats.getInt("messages_ready", 0) + stats.getInt("messages_unacknowledged", 0);
    }

    static boolean userExists(String login) {
        return Http.management("GET", "/users/" + login, null).status() == 200;
    }

    /** The broker's view of a user (name, password_hash, tags, ...), or null when there is none. */
    static JsonObject user(String login) {
        Http.Reply reply = Http.management("GET", "/users/" + URLEncoder.encode(login, StandardCharsets.UTF_8), null);
        return reply.status() == 404 ? null : reply.json();
    }

    /** Every broker user as the management API lists it, in its order. */
    static JsonArray users() {
        Http.Reply reply = Http.management("GET", "/users", null);
        ok(reply);
        return (JsonArray) reply.parse();
    }

    private static String vhost() {
        return URLEncoder.encode(Stack.VHOST, StandardCharsets.UTF_8);
    }

    private static void ok(Http.Reply reply) {
        assertTrue(reply.status() / 100 == 2, () -> "management API answered " + reply.status() + ": " + reply.body());
    }
}
