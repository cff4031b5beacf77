package io.kamea.broker;

import io.kamea.contract.DevicePermissions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * The part of RabbitMQ's management HTTP API that Kamea uses. Built by
 * {@link RabbitManagementClientProducer}; every call throws {@code WebApplicationException} on an
 * HTTP error and {@code ProcessingException} when the broker cannot be reached.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RabbitManagementApi {

    /**
     * A global runtime parameter ({@code PUT global-parameters/{name}}). RabbitMQ 3.10 stores the
     * {@code value} as its JSON decoder returns it: an array of strings becomes a list of binaries.
     */
    record GlobalParameter(String name, Object value) {
    }

    /** A user as created or replaced ({@code PUT users/{user}}): {@code tags} comma-separated. */
    record User(String password, String password_hash, String hashing_algorithm, String tags) {

        /** A user that cannot log in with a password (yet). */
        static User withoutPassword(String tags) {
            return new User(null, "", null, tags);
        }

        static User withPassword(String password, String tags) {
            return new User(password, null, null, tags);
        }

        /** The same user with other tags: its password hash is sent back as it is. */
        static User retagged(ExistingUser user, String tags) {
            return new User(null, user.password_hash() == null ? "" : user.password_hash(), user.hashing_algorithm(), tags);
        }
    }

    /** A user as the broker shows it ({@code GET users/{user}}: tags come as a list in 3.10). */
    record ExistingUser(String name, String password_hash, String hashing_algorithm, List<String> tags) {
    }

    record Permissions(String configure, String write, String read) {

        /** A device account's permissions, as the device contract spells them. */
        static Permissions of(DevicePermissions.Resources device) {
            return new Permissions(device.configure(), device.write(), device.read());
        }
    }

    record TopicPermissions(String exchange, String write, String read) {

        /** A device account's topic permissions, as the device contract spells them. */
        static TopicPermissions of(DevicePermissions.Topics device) {
            return new TopicPermissions(device.exchange(), device.write(), device.read());
        }
    }

    record Connection(String name, String user) {
    }

    /**
     * A connection as {@code GET connections?columns=name,user,vhost,connected_at} lists it
     * ({@code connected_at}: milliseconds since the epoch, the broker's clock).
     */
    record ConnectionSummary(String name, String user, String vhost, Long connected_at) {
    }

    /** One page of a paginated listing ({@code page} counts from 1). */
    record ConnectionPage(List<ConnectionSummary> items, int page, int page_count, int total_count) {
    }

    record Queue(boolean durable, boolean auto_delete, Map<String, Object> arguments) {
    }

    record Binding(String routing_key, Map<String, Object> arguments) {
    }

    /**
     * A queue's depth and the policy applied to it. {@code messages}: ready and delivered but not
     * yet acknowledged; {@code message_bytes}: the sum of their bodies (properties and headers are
     * not counted); both null until the node has published the queue's first statistics.
     * {@code effective_policy_definition}: what the policy sets, e.g. {@code max-length}.
     */
    record QueueDepth(String name, Long messages, Long message_bytes, String policy,
                      Map<String, Object> effective_policy_definition) {

        /** The {@code columns} to ask for: the broker still computes every statistic, but sends these only. */
        public static final String COLUMNS = "name,messages,message_bytes,policy,effective_policy_definition";
    }

    /** The body of {@link #getMessages}: {@code truncate} 0 leaves the payload out. */
    record GetMessages(int count, String ackmode, String encoding, Integer truncate) {

        /** The head message, put back, without its payload. */
        public static GetMessages peekHead() {
            return new GetMessages(1, "ack_requeue_true", "auto", 0);
        }
    }

    /**
     * A message as {@link #getMessages} returns it: {@code payload_bytes} is the payload's true size
     * even when truncated, {@code message_count} the messages left in the queue behind it, and
     * {@code properties} its AMQP properties with {@code headers} as a map (timestamps in seconds).
     */
    record GotMessage(long payload_bytes, boolean redelivered, String exchange, String routing_key,
                      long message_count, Map<String, Object> properties) {
    }


    /** The authenticated user: the cheapest call that proves the API answers and takes our credentials. */
    @GET
    @Path("whoami")
    Map<String, Object> whoami();

    @PUT
    @Path("users/{user}")
    void putUser(@PathParam("user") String user, User body);

    @DELETE
    @Path("users/{user}")
    void deleteUser(@PathParam("user") String user);

    /** Every user of the broker, with its tags and password hash. */
    @GET
    @Path("users")
    List<ExistingUser> users();

    /** Throws a {@code WebApplicationException} with status 404 if there is no such user. */
    @GET
    @Path("users/{user}")
    ExistingUser user(@PathParam("user") String user);

    @PUT
    @Path("permissions/{vhost}/{user}")
    void putPermissions(@PathParam("vhost") String vhost, @PathParam("user") String user, Permissions body);

    /**
     * Takes a user's permissions in a vhost away; 404 when it had none (or there is no such user).
     * Connections already open keep going: RabbitMQ checks vhost access when a connection opens.
     */
    @DELETE
    @Path("permissions/{vhost}/{user}")
    void deletePermissions(@PathParam("vhost") String vhost, @PathParam("user") String user);

    @PUT
    @Path("topic-permissions/{vhost}/{user}")
    void putTopicPermissions(@PathParam("vhost") String vhost, @PathParam("user") String user,
                             TopicPermissions body);

    /** 404 when the parameter is not set. */
    @GET
    @Path("global-parameters/{name}")
    GlobalParameter globalParameter(@PathParam("name") String name);

    /** Sets (creates or replaces) a global runtime parameter; the administrator may, 204. */
    @PUT
    @Path("global-parameters/{name}")
    void putGlobalParameter(@PathParam("name") String name, GlobalParameter body);

    @GET
    @Path("connections/username/{user}")
    List<Connection> connectionsOf(@PathParam("user") String user);

    /** All connections of the node, one page (in 3.10 only this listing paginates, not the vhost's). */
    @GET
    @Path("connections")
    ConnectionPage connections(@QueryParam("page") int page, @QueryParam("page_size") int pageSize,
                               @QueryParam("columns") String columns, @QueryParam("sort") String sort);

    /** One connection by name; 404 when the broker has no such connection. */
    @GET
    @Path("connections/{name}")
    Connection connection(@PathParam("name") String name);

    @DELETE
    @Path("connections/{name}")
    void closeConnection(@PathParam("name") String name);

    /**
     * Closes every connection of a user, found in the broker's connection tracking: unlike
     * {@link #closeConnection}, which looks the name up in the statistics (a few seconds late),
     * it also reaches a connection opened a moment ago, and users the internal database does not
     * know (devices authenticated by Kamea's HTTP backend).
     */
    @DELETE
    @Path("connections/username/{user}")
    void closeConnectionsOf(@PathParam("user") String user);

    @DELETE
    @Path("queues/{vhost}/{queue}")
    void deleteQueue(@PathParam("vhost") String vhost, @PathParam("queue") String queue);

    /** Declares a queue; idempotent while the properties stay the same (400 if they differ). */
    @PUT
    @Path("queues/{vhost}/{queue}")
    void putQueue(@PathParam("vhost") String vhost, @PathParam("queue") String queue, Queue body);

    /**
     * A queue's statistics, trimmed to {@code columns}; 404 when there is no such queue. The
     * numbers are those the node last published, once per {@code collect_statistics_interval}
     * (5 s by default): a queue purged a moment ago may still show its messages.
     */
    @GET
    @Path("queues/{vhost}/{queue}")
    QueueDepth queueDepth(@PathParam("vhost") String vhost, @PathParam("queue") String queue,
                          @QueryParam("columns") String columns);

    /**
     * Takes up to {@code count} messages from the head of a queue; {@code []} when it is empty.
     * With {@code ackmode: ack_requeue_true} nothing is acknowledged, despite the name: RabbitMQ
     * 3.10 gets the messages on a channel of its own, unacknowledged, and closing that channel
     * requeues them; a classic queue puts them back in their place at the head, marked
     * redelivered. While the call lasts they are not ready: a purge or a length limit does not see
     * them. It is a POST although it changes nothing for good.
     */
    @POST
    @Path("queues/{vhost}/{queue}/get")
    List<GotMessage> getMessages(@PathParam("vhost") String vhost, @PathParam("queue") String queue,
                                 GetMessages body);

    /**
     * Purges a queue: 204, with no count of what was removed. Only ready messages go: one
     * delivered and not yet acknowledged (being peeked at, say) stays. RabbitMQ 3.10 answers 406
     * to this call when it carries {@code Accept: application/json} (measured), so it accepts any.
     */
    @DELETE
    @Produces(MediaType.WILDCARD)
    @Path("queues/{vhost}/{queue}/contents")
    void purgeQueue(@PathParam("vhost") String vhost, @PathParam("queue") String queue);

    /** Binds a queue to an exchange; binding twice with the same key and arguments is a no-op. */
    @POST
    @Path("bindings/{vhost}/e/{exchange}/q/{queue}")
    void bindQueue(@PathParam("vhost") String vhost, @PathParam("exchange") String exchange,
                   @PathParam("queue") String queue, Binding body);
}
