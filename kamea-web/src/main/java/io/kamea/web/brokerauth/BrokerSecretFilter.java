package io.kamea.web.brokerauth;

import io.kamea.brokerauth.BrokerAuthSettings;
import io.kamea.platform.LogSafe;
import io.kamea.web.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * Refuses, with a 401 problem, any request under {@code /api/broker-auth} that does not carry the
 * broker's secret ({@code RMQ_AUTH_SECRET}); without a configured secret, every one. Before
 * resource matching, so that a stranger learns nothing, not even which methods or media types
 * would be accepted.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BrokerSecretFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(BrokerSecretFilter.class.getName());

    private volatile BrokerSecret secret;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isBrokerCallback(request.getUriInfo().getPath())) {
            return;
        }
        if (!secret().acceptsAuthorization(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            LOG.fine(() -> "Broker callback without the broker's secret: " + LogSafe.quote(request.getUriInfo().getPath()));
            request.abortWith(Response.fromResponse(Problem.response(401, "Unauthorized",
                            "Only the broker may call this, with its secret (RMQ_AUTH_SECRET) as Basic password"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kamea-broker\"")
                    .build());
        }
    }

    /** Relative to the application path ({@code /api}), as JAX-RS gives it. */
    static boolean isBrokerCallback(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals(BrokerAuthResource.PATH) || relative.startsWith(BrokerAuthResource.PATH + "/");
    }

    /** Looked up at the first call rather than injected: filters are not CDI beans on every runtime. */
    private BrokerSecret secret() {
        BrokerSecret current = secret;
        if (current == null) {
            current = new BrokerSecret(CDI.current().select(BrokerAuthSettings.class).get().secret().orElse(null));
            secret = current;
        }
        return current;
    }
}
