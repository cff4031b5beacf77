package io.kamea.e2e;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the running stack is, read from the same environment the platform is configured with
 * (server-config/env.sh exports it).
 */
final class Stack {

    static final String API = env("KAMEA_API_URL", "http://localhost:8080/api");
    static final String MQTT_URL = env("MGMT_MQTT_INGESTION_URL", "ssl://localhost:8883");
    static final String MANAGEMENT_URL = env("MQTT_BROKER_URL", "https://localhost:15671/api");
    static final String ADMIN_LOGIN = env("RMQ_LOGIN", "kamea-admin");
    static final String ADMIN_PASSWORD = env("RMQ_PWD", "");
    static final String VHOST = env("RMQ_VHOST", "kamea");
    static final Path CA = Path.of(env("MQTT_CA_PATH", ".runtime/pki/ca/ca.pem"));

    private static SSLContext tls;

    private Stack() {
    }

    /** TLS trusting only the development CA that signed the broker's certificate. */
    static synchronized SSLContext tls() {
        if (tls == null) {
            try (InputStream in = Files.newInputStream(CA)) {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                trust.setCertificateEntry("kamea-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, tmf.getTrustManagers(), null);
                tls = context;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot load the broker CA from " + CA, e);
            }
        }
        return tls;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
