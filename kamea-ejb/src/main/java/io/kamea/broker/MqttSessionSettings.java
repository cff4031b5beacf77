package io.kamea.broker;

import io.kamea.settings.SettingReader;
import io.kamea.settings.StartupSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The API's own MQTT session (docs/configuration.md): whether it runs ({@value #ENABLED}, a
 * boolean), where it connects ({@value #URL}), as whom ({@value #LOGIN}, {@value #PASSWORD},
 * {@value #CLIENT_ID}), and the URL devices are told to use ({@value #DEVICE_URL}, else the
 * API's own).
 */
@ApplicationScoped
public class MqttSessionSettings extends StartupSettings {

    public static final String ENABLED = "USE_MQTT";
    public static final String URL = "MGMT_MQTT_INGESTION_URL";
    public static final String DEVICE_URL = "DEVICE_MQTT_URL";
    public static final String CLIENT_ID = "MQTT_API_CLIENT_ID";
    public static final String LOGIN = "MQTT_API_LOGIN";
    public static final String PASSWORD = "MQTT_API_PWD";

    static final String DEFAULT_URL = "ssl://localhost:8883";
    /** Paho's schemes. Only ssl and wss connect, the session being TLS; the others fail at connect, as before. */
    private static final Set<String> PAHO_SCHEMES = Set.of("ssl", "wss", "tcp", "ws");

    private boolean enabled;
    private String url;
    private String deviceUrl;
    private String clientId;
    private String login;
    private String password;

    @Override
    protected void read(SettingReader settings) {
        // off unless asked for: a server without a broker account for the API starts without it
        enabled = settings.flag(ENABLED, false);
        url = settings.url(URL, DEFAULT_URL, PAHO_SCHEMES).toString();
        // anything a device's MQTT client takes (mqtts://, ssl://, wss://...): only shown to operators
        deviceUrl = settings.optionalUrl(DEVICE_URL, Set.of()).map(Object::toString).orElse(url);
        clientId = settings.text(CLIENT_ID, "kamea-api");
        login = settings.text(LOGIN, "kamea-api");
        password = settings.text(PASSWORD, "");
    }

    /** Whether the API opens its MQTT session at all. */
    public boolean enabled() {
        return enabled;
    }

    /** The broker's MQTT URL, as the API reaches it. */
    public String url() {
        return url;
    }

    /** The broker's MQTT URL as devices reach it. */
    public String deviceUrl() {
        return deviceUrl;
    }

    /** The session's client id; no device may take it or {@code <id>-<suffix>}. */
    public String clientId() {
        return clientId;
    }

    public String login() {
        return login;
    }

    public String password() {
        return password;
    }
}
