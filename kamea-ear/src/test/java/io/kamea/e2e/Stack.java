package io.kamea.e2e;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.net.Socket;
import java.security.Principal;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the running stack is, read from the same environment the platform is configured with
 * (server-config/env.sh exports it).
 */
final class Stack {

    static final String API = env("KAMEA_API_URL", "https://localhost:8081/api");
    /**
     * This stack's admin API key (server-config/run.sh makes it, env.sh exports it): every test
     * calls the API with it unless it tests another identity.
     */
    static final String API_TOKEN = env("KAMEA_API_TOKEN", "");
    /** The web UI, at the root of the application the API belongs to. */
    static final String UI = API.replaceFirst("/api/?$", "/");

    /** The application server's root, where /openapi, /health and /metrics are. */
    static final String SERVER = API.replaceFirst("/api/?$", "");
    static final String MQTT_URL = env("MGMT_MQTT_INGESTION_URL", "ssl://localhost:8883");
    static final String MANAGEMENT_URL = env("MQTT_BROKER_URL", "https://localhost:15671/api");
    static final String ADMIN_LOGIN = env("RMQ_LOGIN", "kamea-admin");
    static final String ADMIN_PASSWORD = env("RMQ_PWD", "");
    static final String VHOST = env("RMQ_VHOST", "kamea");
    static final Path CA = Path.of(env("MQTT_CA_PATH", ".runtime/pki/ca/ca.pem"));
    /** The development PKI (server-config/pki/make-dev-pki.sh), device test material under devices/. */
    static final Path PKI = Path.of(env("PKI_DIR", ".runtime/pki"));
    /** The largest device message Kamea takes (io.kamea.platform.MessageLimits, same default). */
    static final int MAX_MESSAGE_BYTES = Integer.parseInt(env("KAMEA_MAX_MESSAGE_BYTES", "131072"));

    private static SSLContext tls;

    private Stack() {
    }

    /** TLS trusting only the development CA that signed the broker's and Kamea's certificates. */
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

    /**
     * TLS trusting the broker CA and presenting a client certificate: PEM certificate and PKCS#8
     * PEM key (RSA, EC or Ed25519), as the development PKI writes them.
     */
    static SSLContext tlsWithClientCertificate(Path certificatePem, Path keyPem) {
        try {
            Certificate certificate;
            try (InputStream in = Files.newInputStream(certificatePem)) {
                certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            String base64 = Files.readString(keyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            // RSA, EC or EdDSA (Ed25519): the key is of the certificate's kind.
            PrivateKey key = KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("device", key, new char[0], new Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity, new char[0]);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(brokerTrust());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new AlwaysPresent((X509KeyManager) kmf.getKeyManagers()[0])},
                    tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load the client certificate " + certificatePem, e);
        }
    }

    /**
     * Presents the certificate whatever CAs the broker says it accepts. Java's own key manager
     * sends nothing when the certificate's issuer is not in the broker's list, and the broker
     * would then refuse a client without credentials: the tests must see the broker refuse the
     * certificate itself.
     */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {

        private final X509KeyManager keys;

        AlwaysPresent(X509KeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "device";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return "device";
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"device"};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }

    private static KeyStore brokerTrust() throws Exception {
        try (InputStream in = Files.newInputStream(CA)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("kamea-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            return trust;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
