package io.kamea.broker;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The part of RabbitMQ's management HTTP API that Kamea uses. Built by
 * {@link RabbitManagementClientProducer}; every call throws {@code WebApplicationException} on an
 * HTTP error and {@code ProcessingException} when the broker cannot be reached.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RabbitManagementApi {

    record User(String password, String password_hash, String tags) {

        /** A user that cannot log in with a password (yet). */
        static User withoutPassword() {
            return new User(null, "", "");
        }

        static User withPassword(String password) {
            return new User(password, null, "");
        }
    }

    record Permissions(String configure, String write, String read) {
    }

    record TopicPermissions(String exchange, String write, String read) {
    }

    record Connection(String name, String user) {
    }


    @PUT
    @Path("users/{user}")
    void putUser(@PathParam("user") String user, User body);

    @DELETE
    @Path("users/{user}")
    void deleteUser(@PathParam("user") String user);

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

    @DELETE
    @Path("connections/{name}")
    void closeConnection(@PathParam("name") String name);

    @DELETE
    @Path("queues/{vhost}/{queue}")
    void deleteQueue(@PathParam("vhost") String vhost, @PathParam("queue") String queue);
}
