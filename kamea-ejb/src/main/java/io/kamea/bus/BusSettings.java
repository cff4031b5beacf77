package io.kamea.bus;

import io.kamea.settings.InvalidSettingException;
import io.kamea.settings.SettingReader;
import io.kamea.settings.StartupSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The bus and its topics (docs/configuration.md): where Artemis is ({@value #CONNECTION_STRING},
 * an Artemis core URL), its account ({@value #USER}, {@value #PASSWORD}, both optional), and the
 * topics ingestion publishes to ({@value #RAW_DATA_TOPIC}, {@value #REPORTED_STATE_TOPIC}).
 */
@ApplicationScoped
public class BusSettings extends StartupSettings {

    public static final String CONNECTION_STRING = "BUS_CONNECTION_STRING";
    public static final String USER = "BUS_USER";
    public static final String PASSWORD = "BUS_PASSWORD";
    public static final String RAW_DATA_TOPIC = "RAW_DATA_TOPIC_NAME";
    public static final String REPORTED_STATE_TOPIC = "REPORTED_STATE_TOPIC_NAME";

    private String url;
    private Optional<String> user;
    private Optional<String> password;
    private String rawDataTopic;
    private String reportedStateTopic;

    @Override
    protected void read(SettingReader settings) {
        url = settings.text(CONNECTION_STRING, "tcp://localhost:61616");
        requireArtemisUrl(url);
        user = settings.optionalText(USER);
        password = settings.optionalText(PASSWORD);
        rawDataTopic = settings.text(RAW_DATA_TOPIC, "kamea.raw-data");
        reportedStateTopic = settings.text(REPORTED_STATE_TOPIC, "kamea.reported-state");
    }

    /**
     * Artemis's URLs are no plain URIs ({@code (tcp://a:61616,tcp://b:61616)?ha=true} is one):
     * its own parser judges them. It connects nowhere, so an unreachable bus still lets the
     * application start, as before; only a URL Artemis cannot read is refused.
     */
    private static void requireArtemisUrl(String url) {
        try {
            new ActiveMQConnectionFactory(url).close();
        } catch (RuntimeException e) {
            throw new InvalidSettingException(CONNECTION_STRING, "is not an Artemis URL (tcp://host:port...): '" + url
                    + "' (" + e.getMessage() + ")");
        }
    }

    /** Where the bus is. */
    public String url() {
        return url;
    }

    public Optional<String> user() {
        return user;
    }

    public Optional<String> password() {
        return password;
    }

    /** The topic of telemetry. */
    public String rawDataTopic() {
        return rawDataTopic;
    }

    /** The topic of reported configurations. */
    public String reportedStateTopic() {
        return reportedStateTopic;
    }
}
