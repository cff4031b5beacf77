package io.kamea.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The certificates the broker refuses during the TLS handshake, whatever CA signed them: the
 * global runtime parameter {@value #PARAMETER}, a JSON array of SHA-256 fingerprints (lower-case
 * hex of the DER, no colons), which Kamea's plugin (server-config/rabbitmq/kamea_guard,
 * {@code kamea_guard_tls}) reads at every handshake of a CA-signed client certificate. The whole
 * list is written at once: a parameter has no add or remove. It lives in the broker's own
 * database, on every node of a cluster, and is lost with it (a node reset), hence
 * {@link #differsFrom}.
 *
 * <p>A self-signed device's pinned certificate is accepted before the plugin looks at this list.
 */
@ApplicationScoped
public class BannedCertificates {

    public static final String PARAMETER = "kamea_banned_certificates";

    @Inject
    RabbitManagementApi api;

    /** Makes the broker's list exactly these fingerprints, in that form. */
    public void replace(Collection<String> fingerprints) {
        List<String> value = sortedDistinct(fingerprints);
        BrokerCalls.call("set the banned certificates", () -> {
            api.putGlobalParameter(PARAMETER, new RabbitManagementApi.GlobalParameter(PARAMETER, value));
            return null;
        });
    }

    /**
     * Whether the broker's list is not exactly these fingerprints. A parameter that is not set is
     * an empty list (the plugin reads it so); one that is not a list of strings, or that holds a
     * fingerprint twice, differs from any list and is best rewritten.
     */
    public boolean differsFrom(Collection<String> fingerprints) {
        return BrokerCalls.call("read the banned certificates", () -> {
            Object value;
            try {
                value = api.globalParameter(PARAMETER).value();
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() != 404) {
                    throw e;
                }
                value = List.of();
            }
            if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                return true;
            }
            return !list.stream().map(String.class::cast).sorted().toList().equals(sortedDistinct(fingerprints));
        });
    }

    private static List<String> sortedDistinct(Collection<String> fingerprints) {
        return List.copyOf(new TreeSet<>(fingerprints));
    }
}
