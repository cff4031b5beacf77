package io.kamea.simulator;

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

/** TLS client context that trusts the broker's CA (a PEM file) and nothing else. */
public final class Tls {

    private Tls() {
    }

    /** A TLS context trusting the certificates of the PEM file. */
    public static SSLContext trusting(Path caPem) throws IOException, GeneralSecurityException {
        return context(trust(caPem));
    }

    /** Trust in the certificates of the PEM file (the Vert.x publishers take it as it is). */
    public static TrustManagerFactory trust(Path caPem) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory;
    }

    /** A TLS context with that trust. */
    public static SSLContext context(TrustManagerFactory trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
