package io.kamea.contract.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class PemTrustTest {

    private static final Path TWO_CAS = Path.of("src/test/resources/tls/two-cas.pem");

    @Test
    void everyCertificateOfTheFileIsTrusted() throws Exception {
        KeyStore store = PemTrust.keyStore(TWO_CAS);

        assertEquals(List.of("ca-0", "ca-1"), Collections.list(store.aliases()).stream().sorted().toList());
        X509TrustManager manager = (X509TrustManager) PemTrust.trustManagers(TWO_CAS).getTrustManagers()[0];
        List<String> trusted = List.of(manager.getAcceptedIssuers()).stream()
                .map(X509Certificate::getSubjectX500Principal).map(Object::toString).sorted().toList();
        assertEquals(List.of("CN=kamea-contract-test-ca-a", "CN=kamea-contract-test-ca-b"), trusted,
                "these and none of the JVM's own CAs");
        assertEquals("TLS", PemTrust.context(TWO_CAS).getProtocol());
    }

    @Test
    void aFileWithoutCertificateOrNoFileIsRefusedNamingIt() {
        for (Path pem : List.of(Path.of("src/test/resources/tls/no-certificate.pem"), Path.of("/nonexistent/ca.pem"))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PemTrust.keyStore(pem));
            assertTrue(refused.getMessage().contains(pem.toString()), refused.getMessage());
        }
    }
}
