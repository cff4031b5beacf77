package io.kamea.broker;

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

    /** A user as created or replaced ({@code PUT users/{user}}): {@code tags} comma-separated. */
    record User(String password, String password_hash, String tags) {

        /** A user that cannot log in with a password (yet). */
        static User withoutPassword(String tags) {
            return new User(null, "", tags);
        }

        static User withPassword(String password, String tags) {
            return new User(password, null, tags);
        }
    }

    /** A user as the broker shows it ({@code GET users/{user}}: tags come as a list in 3.10). */
    record ExistingUser(String name, List<String> tags) {
    }

    record Permissions(String configure, String write, String read) {
    }

    record TopicPermissions(String exchange, String write, String read) {
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

    /** Throws a {@code WebApplicationException} with status 404 if there is no such user. */
    @GET
    @Path("users/{user}")
    ExistingUser user(@PathParam("user") String user);

    @PUT
    @Path("permissions/{vhost}/{user}")
    void putPermissions(@PathParam("vhost") String vhost, @PathParam("user") String user, Permissions body);

    @PUT
    @Path("topic-permissions/{vhost}/{user}")
    void putTopicPermissions(@PathParam("vhost") String vhost, @PathParam("user") String user,
                             TopicPermissions body);

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

    /** Binds a queue to an exchange; binding twice with the same key and arguments is a no-op. */
    @POST
    @Path("bindings/{vhost}/e/{exchange}/q/{queue}")
    void bindQueue(@PathParam("vhost") String vhost, @PathParam("exchange") String exchange,
                   @PathParam("queue") String queue, Binding body);
}
