package io.kamea.contract.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust in the CA certificates of a PEM file, the format the broker's PKI is distributed in, and
 * in nothing else: the JVM's own CAs are left out, so a client trusting the broker's CA this way
 * accepts no other server. Every failure (no such file, no certificate in it, an unreadable one)
 * is an {@link IllegalStateException} naming the file.
 */
public final class PemTrust {

    private PemTrust() {
    }

    /** A key store holding every certificate of the PEM file (aliases {@code ca-0}, {@code ca-1}...). */
    public static KeyStore keyStore(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IllegalStateException("No certificate in " + pem);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the CA certificate " + pem + ": " + e, e);
        }
    }

    /** Trust managers trusting the certificates of the PEM file (Vert.x takes them as they are). */
    public static TrustManagerFactory trustManagers(Path pem) {
        KeyStore store = keyStore(pem);
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the CA certificates of " + pem + ": " + e, e);
        }
    }

    /** A TLS client context trusting the certificates of the PEM file. */
    public static SSLContext context(Path pem) {
        return context(trustManagers(pem));
    }

    /** A TLS client context with this trust and no client certificate. */
    public static SSLContext context(TrustManagerFactory trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS: " + e, e);
        }
    }
}
