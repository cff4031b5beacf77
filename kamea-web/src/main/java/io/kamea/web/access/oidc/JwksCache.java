package io.kamea.web.access.oidc;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The provider's public keys, fetched from its JWKS URL and kept. They are fetched again when
 * they are older than {@link #MAX_AGE}, or when a token names a key id they lack (the provider
 * rotated its keys), but never more often than once per {@link #MIN_INTERVAL}: tokens with made-up
 * key ids cannot make Kamea flood the provider. A failed fetch keeps the keys already known.
 */
final class JwksCache {

    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** A key set larger than this is refused (a provider publishes a few keys of a few KiB). */
    static final int MAX_BYTES = 512 * 1024;

    private static final Logger LOG = Logger.getLogger(JwksCache.class.getName());

    /** Fetches the key set at a URL; replaced in the unit tests. */
    interface Fetcher {
        String fetch(URI url) throws IOException;
    }

    private final URI url;
    private final Path caPath;
    private final Fetcher fetcher;
    private final Clock clock;

    private volatile JWKSet keys;
    private volatile Instant fetchedAt;
    /** When the last fetch was tried, successful or not. */
    private Instant triedAt;
    private int fetches;

    JwksCache(URI url, Path caPath, Clock clock) {
        this(url, caPath, new HttpFetcher(caPath), clock);
    }

    JwksCache(URI url, Path caPath, Fetcher fetcher, Clock clock) {
        this.url = url;
        this.caPath = caPath;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    boolean isFor(URI otherUrl, Path otherCaPath) {
        return url.equals(otherUrl) && Objects.equals(caPath, otherCaPath);
    }

    /**
     * The keys that may have signed a token naming {@code keyId} (null: the token names none).
     * Empty if the provider's keys cannot be had.
     */
    List<JWK> candidates(String keyId) {
        JWKSet current = keys;
        Instant fetched = fetchedAt;
        boolean stale = current == null || fetched.plus(MAX_AGE).isBefore(clock.instant());
        if (stale || keyId != null && current.getKeyByKeyId(keyId) == null) {
            current = refresh(current);
        }
        if (current == null) {
            return List.of();
        }
        return current.getKeys().stream()
                .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                .filter(key -> keyId == null || keyId.equals(key.getKeyID()))
                .toList();
    }

    /** Fetches the keys unless another caller just did, or the last try was too recent. */
    private synchronized JWKSet refresh(JWKSet seen) {
        if (keys != seen) {
            return keys; // refreshed by another thread meanwhile
        }
        Instant now = clock.instant();
        if (triedAt != null && triedAt.plus(MIN_INTERVAL).isAfter(now)) {
            return keys;
        }
        triedAt = now;
        fetches++;
        try {
            JWKSet fetched = JWKSet.parse(fetcher.fetch(url)).toPublicJWKSet();
            keys = fetched;
            fetchedAt = now;
            LOG.fine(() -> "OIDC: " + fetched.getKeys().size() + " keys from " + url);
            return fetched;
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            LOG.log(Level.WARNING, "OIDC: cannot fetch the provider's keys from " + url + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"
                    + (keys == null ? "; tokens are refused until it answers" : "; the keys fetched before are kept"));
            return keys;
        }
    }

    /** How many fetches were tried (for the tests). */
    synchronized int fetches() {
        return fetches;
    }

    /** GET with timeouts, no redirects, at most {@link #MAX_BYTES}; TLS trusting the JVM's CAs and the optional CA file. */
    static final class HttpFetcher implements Fetcher {

        private final HttpClient client;

        HttpFetcher(Path caPath) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (caPath != null) {
                builder.sslContext(trusting(caPath));
            }
            client = builder.build();
        }

        @Override
        public String fetch(URI url) throws IOException {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/jwk-set+json, application/json").GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException("more than " + MAX_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }

        /** The JVM's default trusted CAs plus every certificate of a PEM file. */
        static SSLContext trusting(Path caPath) {
            try {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                defaults.init((KeyStore) null);
                int i = 0;
                for (var manager : defaults.getTrustManagers()) {
                    if (manager instanceof X509TrustManager x509) {
                        for (X509Certificate ca : x509.getAcceptedIssuers()) {
                            trust.setCertificateEntry("default-" + i++, ca);
                        }
                    }
                }
                try (InputStream in = Files.newInputStream(caPath)) {
                    for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        trust.setCertificateEntry("kamea-oidc-" + i++, ca);
                    }
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trust);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, factory.getTrustManagers(), null);
                return context;
            } catch (Exception e) {
                throw new IllegalArgumentException(OidcSettings.CA_PATH + ": cannot read " + caPath + " ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
    }
}
