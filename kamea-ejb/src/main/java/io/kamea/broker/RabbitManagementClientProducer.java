package io.kamea.broker;

import io.kamea.contract.tls.PemTrust;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the management API client: HTTPS trusting the broker's CA, basic authentication with
 * the admin account, and short timeouts so a dead broker fails a request instead of hanging it.
 */
@ApplicationScoped
public class RabbitManagementClientProducer {

    @Inject
    BrokerSettings settings;

    @Produces
    @ApplicationScoped
    RabbitManagementApi managementApi() {
        String credentials = settings.login() + ":" + settings.password();
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        RestClientBuilder builder = RestClientBuilder.newBuilder()
                .baseUri(settings.managementUrl())
                .connectTimeout(3, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .register((ClientRequestFilter) request ->
                        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization));
        settings.caPath().ifPresent(ca -> builder.trustStore(PemTrust.keyStore(Path.of(ca))));
        return builder.build(RabbitManagementApi.class);
    }
}
