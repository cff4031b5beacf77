package io.kamea.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Device certificates made for one test run (openssl, as the development PKI script does), so
 * that each run has common names no run used before. Signed by the development PKI's CAs
 * ({@code make-dev-pki.sh devices}): the whitelisted one or the unknown one.
 */
final class TestCertificates implements AutoCloseable {

    static final Path WHITELISTED_CA = Stack.PKI.resolve("devices/whitelisted-ca");
    static final Path UNKNOWN_CA = Stack.PKI.resolve("devices/unknown-ca");

    record Issued(String commonName, Path certificate, Path key) {
    }

    private final Path folder;

    TestCertificates() throws IOException {
        folder = Files.createTempDirectory("kamea-e2e-certificates");
    }

    /** A common name no device has: {@code prefix-} and 8 random hex digits. */
    static String freshCommonName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new key and a client certificate for it, CN = {@code commonName}, valid for a day. */
    Issued issue(String commonName, Path ca) throws IOException, InterruptedException {
        Path key = folder.resolve(commonName + ".key");
        Path request = folder.resolve(commonName + ".csr");
        Path extensions = folder.resolve(commonName + ".ext");
        Path certificate = folder.resolve(commonName + ".pem");
        Files.writeString(extensions, String.join("\n",
                "basicConstraints=critical,CA:FALSE",
                "keyUsage=critical,digitalSignature,keyEncipherment",
                "extendedKeyUsage=clientAuth",
                "subjectKeyIdentifier=hash",
                "authorityKeyIdentifier=keyid,issuer", ""));
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.toString());
        openssl("req", "-new", "-sha256", "-key", key.toString(), "-subj", "/O=Kamea e2e/CN=" + commonName,
                "-out", request.toString());
        openssl("x509", "-req", "-sha256", "-in", request.toString(),
                "-CA", ca.resolve("ca.pem").toString(), "-CAkey", ca.resolve("ca.key").toString(),
                "-set_serial", "0x" + HexFormat.of().formatHex(randomBytes(16)), "-days", "1",
                "-extfile", extensions.toString(), "-out", certificate.toString());
        return new Issued(commonName, certificate, key);
    }

    /** SHA-256 of the certificate's DER, lower-case hex: how the broker's ban list names it. */
    static String fingerprint(Path certificatePem) throws IOException, java.security.GeneralSecurityException {
        try (var in = Files.newInputStream(certificatePem)) {
            byte[] der = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        }
    }

    DeviceClient connect(Issued issued) throws org.eclipse.paho.client.mqttv3.MqttException {
        return DeviceClient.connectWithCertificate(issued.commonName(), issued.certificate(), issued.key());
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] &= 0x7f; // a positive serial number
        return bytes;
    }

    private static void openssl(String... arguments) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Stream.concat(Stream.of("openssl"), Stream.of(arguments)).toList())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl " + List.of(arguments) + " failed: " + output);
        }
    }
}
