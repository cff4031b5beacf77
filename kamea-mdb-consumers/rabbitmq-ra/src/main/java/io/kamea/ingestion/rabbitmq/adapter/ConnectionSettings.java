package io.kamea.ingestion.rabbitmq.adapter;

import com.rabbitmq.client.ConnectionFactory;
import io.kamea.contract.tls.PemTrust;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where and how the adapter connects, from the configuration (read through {@link AdapterSettings}):
 * <ul>
 * <li>{@code MGMT_AMQP_INGESTION_URL}: the broker's host name (default {@code localhost}), or a
 * full {@code amqps://host:port} / {@code amqp://host:port} URI;</li>
 * <li>{@code MGMT_AMQP_INGESTION_PORT}: the port when the URL has none (default 5671 with TLS,
 * 5672 without);</li>
 * <li>{@code MGMT_AMQP_INGESTION_TLS}: {@code false} for plain AMQP (default {@code true}; a value
 * other than true or false is refused);</li>
 * <li>{@code RMQ_LOGIN}, {@code RMQ_PWD}: the account; {@code RMQ_VHOST} (default {@code kamea});</li>
 * <li>{@code MQTT_CA_PATH}: PEM file of the CA the broker's certificate must chain to (else the
 * JVM's trust store). The host name is always verified against the certificate.</li>
 * </ul>
 */
public record ConnectionSettings(String host, int port, boolean tls, String username, String password,
        String virtualHost, String caPath) {

    public static final String URL = "MGMT_AMQP_INGESTION_URL";
    public static final String PORT = "MGMT_AMQP_INGESTION_PORT";
    public static final String TLS = "MGMT_AMQP_INGESTION_TLS";
    public static final String LOGIN = "RMQ_LOGIN";
    public static final String PASSWORD = "RMQ_PWD";
    public static final String VHOST = "RMQ_VHOST";
    public static final String CA_PATH = "MQTT_CA_PATH";

    /** Reads the settings; throws IllegalArgumentException naming the key that is wrong. */
    public static ConnectionSettings fromConfig() {
        return from(AdapterSettings::configured);
    }

    static ConnectionSettings from(UnaryOperator<String> config) {
        AdapterSettings settings = new AdapterSettings(config);
        String url = settings.text(URL, "localhost");
        boolean tls = settings.flag(TLS, true);
        String host = url;
        int port = -1;
        if (url.contains("://")) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw AdapterSettings.invalid(URL, "is not a valid URI: " + url);
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("amqps") && !scheme.equals("amqp")) {
                throw AdapterSettings.invalid(URL, "must be a host name or an amqps:// or amqp:// URI, not " + url);
            }
            tls = scheme.equals("amqps");
            host = uri.getHost();
            port = uri.getPort();
            if (host == null || host.isBlank()) {
                throw AdapterSettings.invalid(URL, "has no host: " + url);
            }
        }
        String portKey = URL;
        if (port == -1) {
            Integer configured = settings.integer(PORT);
            port = configured == null ? (tls ? 5671 : 5672) : configured;
            portKey = PORT;
        }
        if (port < 1 || port > 65_535) {
            throw AdapterSettings.invalid(portKey, "the AMQP port must be between 1 and 65535, not " + port);
        }
        String username = settings.text(LOGIN);
        String password = config.apply(PASSWORD);
        if (username == null) {
            throw AdapterSettings.invalid(LOGIN, "not set (the account the consumers log in with)");
        }
        if (password == null) {
            throw AdapterSettings.invalid(PASSWORD, "not set (the password of " + LOGIN + ")");
        }
        return new ConnectionSettings(host, port, tls, username, password, settings.text(VHOST, "kamea"),
                settings.text(CA_PATH));
    }

    /** A connection factory: automatic connection and topology recovery, TLS with host name verification. */
    public ConnectionFactory newConnectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(5_000L);
        factory.setRequestedHeartbeat(30);
        factory.setConnectionTimeout(10_000);
        if (tls) {
            factory.useSslProtocol(sslContext());
            factory.enableHostnameVerification();
        }
        return factory;
    }

    /** Opens connections whose consumers are called on the connection's reader thread ({@link CallerRunsExecutor}). */
    ConnectionOpener opener() {
        ConnectionFactory factory = newConnectionFactory();
        return name -> factory.newConnection(new CallerRunsExecutor(), name);
    }

    private SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(caPath == null ? null : trustStore(Path.of(caPath)));
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS with " + CA_PATH + "=" + caPath + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore trustStore(Path pem) {
        try {
            return PemTrust.keyStore(pem);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(CA_PATH + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return (tls ? "amqps://" : "amqp://") + username + "@" + host + ":" + port + "/" + virtualHost
                + (tls ? " (CA " + (caPath != null ? caPath : "JVM trust store") + ")" : "");
    }
}
