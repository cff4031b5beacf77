package io.kamea.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How Kamea reaches its broker, under the configuration names operators already know. */
@ApplicationScoped
public class BrokerSettings {

    @Inject
    @ConfigProperty(name = "MQTT_BROKER_URL", defaultValue = "https://localhost:15671/api")
    URI managementUrl;

    @Inject
    @ConfigProperty(name = "RMQ_LOGIN")
    String login;

    @Inject
    @ConfigProperty(name = "RMQ_PWD")
    String password;

    @Inject
    @ConfigProperty(name = "RMQ_VHOST", defaultValue = "kamea")
    String vhost;

    /** The CA that signed the broker's certificate; without it the JVM's default trust applies. */
    @Inject
    @ConfigProperty(name = "MQTT_CA_PATH")
    Optional<String> caPath;

    public URI managementUrl() {
        return managementUrl;
    }

    public String login() {
        return login;
    }

    public String password() {
        return password;
    }

    public String vhost() {
        return vhost;
    }

    public Optional<String> caPath() {
        return caPath;
    }
}
