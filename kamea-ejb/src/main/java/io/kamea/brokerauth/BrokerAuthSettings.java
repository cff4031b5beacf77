package io.kamea.brokerauth;

import io.kamea.settings.InvalidSettingException;
import io.kamea.settings.SettingReader;
import io.kamea.settings.StartupSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The secret the broker proves it knows when it calls {@code /api/broker-auth}
 * ({@value #SECRET}). Not set: every such call is refused, which is allowed (a broker without
 * the HTTP backend) but logged. Letters, digits and {@code . _ ~ -} only, as
 * server-config/lib/rabbitmq.sh demands: the secret travels inside the broker's URLs, where any
 * other character would have to be escaped.
 */
@ApplicationScoped
public class BrokerAuthSettings extends StartupSettings {

    public static final String SECRET = "RMQ_AUTH_SECRET";

    private static final Logger LOG = Logger.getLogger(BrokerAuthSettings.class.getName());
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

    private Optional<String> secret;

    @Override
    protected void read(SettingReader settings) {
        secret = settings.optionalText(SECRET);
        if (secret.isEmpty()) {
            LOG.warning(SECRET + " is not set: every broker authentication call is refused");
        } else if (!URL_SAFE.matcher(secret.get()).matches()) {
            // the value is a secret: the message says what is wrong with it, never what it is
            throw new InvalidSettingException(SECRET, "may hold letters, digits and . _ ~ - only");
        }
    }

    /** The broker's secret; empty: no broker call is accepted. */
    public Optional<String> secret() {
        return secret;
    }
}
