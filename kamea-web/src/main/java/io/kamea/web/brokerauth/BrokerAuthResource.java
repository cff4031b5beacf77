package io.kamea.web.brokerauth;

import io.kamea.brokerauth.BrokerAuthorization;
import io.kamea.platform.LogSafe;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/broker-auth}: the four questions of RabbitMQ's HTTP backend
 * ({@code auth_http.http_method = post}, form parameters), answered {@code allow} or
 * {@code deny}. Only the broker may ask ({@link BrokerSecretFilter}).
 */
@RequestScoped
@PermitAll
@Path(BrokerAuthResource.PATH)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_PLAIN)
public class BrokerAuthResource {

    public static final String PATH = "broker-auth";

    private static final Logger LOG = Logger.getLogger(BrokerAuthResource.class.getName());
    private static final String ALLOW = "allow";
    private static final String DENY = "deny";

    @Inject
    BrokerAuthorization authorization;

    /**
     * A login. A certificate login sends the common name alone; a password login sends
     * {@code password}, {@code vhost} and {@code client_id} too. The password is never logged.
     */
    @POST
    @Operation(hidden = true) // for the broker only, not part of the API
    @Path("user")
    public String user(@FormParam("username") String username, @FormParam("password") String password,
                       @FormParam("client_id") String clientId, @FormParam("vhost") String vhost) {
        boolean withPassword = password != null;
        return answer(authorization.mayLogIn(username, withPassword), () -> "user " + LogSafe.quote(username)
                + (withPassword ? " with password" : " without password")
                + ", client_id " + LogSafe.quote(clientId) + ", vhost " + LogSafe.quote(vhost));
    }

    @POST
    @Operation(hidden = true) // for the broker only, not part of the API
    @Path("vhost")
    public String vhost(@FormParam("username") String username, @FormParam("vhost") String vhost,
                        @FormParam("ip") String ip, @FormParam("client_id") String clientId) {
        return answer(authorization.mayEnter(username, vhost, clientId),
                () -> "vhost " + LogSafe.quote(vhost) + " for " + LogSafe.quote(username) + " from " + LogSafe.quote(ip)
                        + ", client_id " + LogSafe.quote(clientId));
    }

    /** {@code resource}: {@code queue} or {@code exchange}; {@code permission}: configure, write or read. */
    @POST
    @Operation(hidden = true) // for the broker only, not part of the API
    @Path("resource")
    public String resource(@FormParam("username") String username, @FormParam("vhost") String vhost,
                           @FormParam("resource") String kind, @FormParam("name") String name,
                           @FormParam("permission") String permission) {
        return answer(authorization.mayUseResource(username, vhost, kind, name, permission),
                () -> LogSafe.quote(permission) + " on " + LogSafe.quote(kind) + " " + LogSafe.quote(name) + " for "
                        + LogSafe.quote(username));
    }

    /**
     * {@code name} is the exchange, {@code routing_key} the MQTT topic (or subscription filter) as
     * a routing key; {@code permission}: write to publish, read to subscribe.
     */
    @POST
    @Operation(hidden = true) // for the broker only, not part of the API
    @Path("topic")
    public String topic(@FormParam("username") String username, @FormParam("vhost") String vhost,
                        @FormParam("name") String exchange, @FormParam("routing_key") String routingKey,
                        @FormParam("permission") String permission) {
        return answer(authorization.mayUseTopic(username, vhost, exchange, routingKey, permission),
                () -> LogSafe.quote(permission) + " on topic " + LogSafe.quote(routingKey) + " ("
                        + LogSafe.quote(exchange) + ") for " + LogSafe.quote(username));
    }

    /** The question's every part is the broker's or a client's choice: logged through {@link LogSafe}. */
    private static String answer(boolean allowed, Supplier<String> question) {
        String answer = allowed ? ALLOW : DENY;
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(question.get() + ": " + answer);
        }
        return answer;
    }
}
