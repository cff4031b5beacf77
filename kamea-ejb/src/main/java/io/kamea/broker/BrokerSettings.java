package io.kamea.broker;

import io.kamea.settings.SettingReader;
import io.kamea.settings.StartupSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * How Kamea reaches its broker's management API, under the configuration names operators already
 * know (docs/configuration.md): {@value #MANAGEMENT_URL} (an http(s) URL), {@value #LOGIN} and
 * {@value #PASSWORD} (required), {@value #VHOST}, {@value #CA_PATH} (a readable PEM file, if set).
 */
@ApplicationScoped
public class BrokerSettings extends StartupSettings {

    public static final String MANAGEMENT_URL = "MQTT_BROKER_URL";
    public static final String LOGIN = "RMQ_LOGIN";
    public static final String PASSWORD = "RMQ_PWD";
    public static final String VHOST = "RMQ_VHOST";
    public static final String CA_PATH = "MQTT_CA_PATH";

    private URI managementUrl;
    private String login;
    private String password;
    private String vhost;
    private Optional<String> caPath;

    @Override
    protected void read(SettingReader settings) {
        managementUrl = settings.url(MANAGEMENT_URL, "https://localhost:15671/api", Set.of("https", "http"));
        login = settings.requiredText(LOGIN, "the broker's administrator account");
        password = settings.requiredText(PASSWORD, "the password of " + LOGIN);
        vhost = settings.text(VHOST, "kamea");
        caPath = settings.optionalReadableFile(CA_PATH).map(Path::toString);
    }

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

    /** The CA that signed the broker's certificate; without it the JVM's default trust applies. */
    public Optional<String> caPath() {
        return caPath;
    }
}
