package io.kamea.provisioning;

import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.RequestLimits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Decides whether an uploaded certificate may whitelist a self-signed device in the broker's trust
 * store, and says why not otherwise. The broker accepts a whitelisted certificate as it is, so
 * every check it would make against a CA happens here: self-signed (so that it vouches for no one
 * else), not a CA, valid now, a key and a signature that are still strong, and a common name
 * that can be an interface name.
 */
public final class SelfSignedCertificates {

    /** What an accepted certificate gives the device: its interface name and what is stored. */
    public record Accepted(String commonName, DeviceCertificate certificate) {
    }

    static final int MIN_RSA_BITS = 2048;

    /** Named curves by OID: the NIST curves TLS 1.2 and 1.3 peers (and RabbitMQ's OTP) all know. */
    private static final Map<String, String> EC_CURVES = Map.of(
            "1.2.840.10045.3.1.7", "P-256",
            "1.3.132.0.34", "P-384",
            "1.3.132.0.35", "P-521");

    private static final String ACCEPTED_KEYS = "RSA of " + MIN_RSA_BITS + " bits or more, EC on P-256, P-384 or P-521, Ed25519";

    private static final String BEGIN = "-----BEGIN ";
    private static final String BEGIN_CERTIFICATE = "-----BEGIN CERTIFICATE-----";
    private static final String END_CERTIFICATE = "-----END CERTIFICATE-----";
    private static final String DASHES = "-----";
    private static final Pattern WEAK_DIGEST = Pattern.compile("MD2|MD4|MD5|SHA1|SHA-1");

    private SelfSignedCertificates() {
    }

    /**
     * The certificate, checked at {@code now}; an {@link InvalidRequestException} whose detail says
     * what is wrong with it otherwise, or a {@link io.kamea.platform.ContentTooLargeException} if
     * the upload is larger than {@link RequestLimits#maxCertificateBytes()} (then nothing reads it).
     */
    public static Accepted validate(String pem, RequestLimits limits, Instant now) {
        limits.checkCertificate(pem);
        X509Certificate certificate = parse(pem);
        requireSelfIssued(certificate);
        requireStrongKey(certificate.getPublicKey());
        requireStrongSignature(certificate);
        requireOwnSignature(certificate);
        if (certificate.getBasicConstraints() >= 0) {
            throw invalid("certificate is a CA certificate (basicConstraints CA:TRUE): whitelisting it would "
                    + "admit every certificate it signs; upload the device's own certificate");
        }
        requireValidAt(certificate, now);
        String commonName = commonName(certificate);
        byte[] der = encoded(certificate);
        return new Accepted(commonName, new DeviceCertificate(pem(der), fingerprint(der),
                certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getNotAfter().toInstant()));
    }

    /**
     * The upload's one certificate. Text around its block is allowed (openssl's "Bag Attributes",
     * "Certificate:" dumps), any other block is not. The markers are found with {@code indexOf},
     * each scan resuming where the last one stopped, so the work is linear in the upload: the lazy
     * regular expression {@code BEGIN(.*?)END} used before searched the rest of the text for an END
     * from every BEGIN, quadratic on a field of BEGIN lines (2 MB of them: minutes of CPU).
     */
    private static X509Certificate parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw invalid("certificate is required with provisioning 'self-signed': the device's certificate, PEM");
        }
        if (pem.contains("PRIVATE KEY-----")) {
            throw invalid("certificate contains a private key: upload the certificate only, the key stays on the device");
        }
        int certificates = 0;
        String otherBlock = null;
        for (int at = pem.indexOf(BEGIN); at >= 0; at = pem.indexOf(BEGIN, at + BEGIN.length())) {
            if (pem.startsWith(BEGIN_CERTIFICATE, at)) {
                certificates++;
            } else if (otherBlock == null) {
                otherBlock = line(pem, at);
            }
        }
        if (otherBlock != null) {
            throw invalid("certificate holds a PEM block other than a certificate ('" + otherBlock
                    + "'); upload the device's certificate alone");
        }
        if (certificates == 0) {
            throw invalid("certificate is not PEM: expected a block from '" + BEGIN_CERTIFICATE + "' to '"
                    + END_CERTIFICATE + "'");
        }
        if (certificates > 1) {
            throw invalid("certificate holds " + certificates + " certificates; upload the device's certificate alone");
        }
        int start = pem.indexOf(BEGIN_CERTIFICATE) + BEGIN_CERTIFICATE.length();
        int end = pem.indexOf(END_CERTIFICATE, start);
        if (end < 0) {
            throw invalid("certificate is not PEM: '" + BEGIN_CERTIFICATE + "' is not followed by '" + END_CERTIFICATE + "'");
        }
        String base64 = pem.substring(start, end);
        if (base64.contains(DASHES)) {
            // The MIME decoder would skip the dashes and decode the rest of another marker as data.
            throw invalid("certificate is not PEM: another '-----' marker inside the certificate block");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw invalid("certificate is not an X.509 certificate: " + e.getMessage());
        }
    }

    /** The marker line at {@code at}, at most 64 characters of it, to quote in a refusal. */
    private static String line(String text, int at) {
        int end = at;
        while (end < text.length() && end - at < 64 && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(at, end);
    }

    private static void requireSelfIssued(X509Certificate certificate) {
        X500Principal issuer = certificate.getIssuerX500Principal();
        X500Principal subject = certificate.getSubjectX500Principal();
        if (!issuer.equals(subject)) {
            throw invalid("certificate is not self-signed: it was issued by '" + issuer.getName()
                    + "' to '" + subject.getName() + "' (for a certificate signed by a whitelisted CA, "
                    + "use provisioning 'certificate')");
        }
    }

    private static void requireOwnSignature(X509Certificate certificate) {
        try {
            certificate.verify(certificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw invalid("certificate is not self-signed: its signature does not verify with its own public key");
        }
    }

    private static void requireStrongKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw invalid("certificate has an RSA key of " + bits + " bits, too weak; accepted keys: " + ACCEPTED_KEYS);
            }
        } else if (key instanceof ECPublicKey ec) {
            String curve = curveOid(ec);
            if (!EC_CURVES.containsKey(curve)) {
                throw invalid("certificate has an EC key on curve " + curve + "; accepted keys: " + ACCEPTED_KEYS);
            }
        } else if (key instanceof EdECPublicKey edwards) {
            String curve = edwards.getParams().getName();
            if (!"Ed25519".equalsIgnoreCase(curve)) {
                throw invalid("certificate has an " + curve + " key; accepted keys: " + ACCEPTED_KEYS);
            }
        } else {
            throw invalid("certificate has a key of type " + key.getAlgorithm() + " (or on a curve this server "
                    + "does not know); accepted keys: " + ACCEPTED_KEYS);
        }
    }

    private static String curveOid(ECPublicKey key) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(key.getParams());
            return parameters.getParameterSpec(ECGenParameterSpec.class).getName();
        } catch (GeneralSecurityException e) {
            return "(unnamed)";
        }
    }

    private static void requireStrongSignature(X509Certificate certificate) {
        String algorithm = certificate.getSigAlgName();
        String digest = algorithm;
        if ("RSASSA-PSS".equalsIgnoreCase(algorithm) && certificate.getSigAlgParams() != null) {
            try {
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("RSASSA-PSS");
                parameters.init(certificate.getSigAlgParams());
                digest = parameters.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm();
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw invalid("certificate has RSASSA-PSS parameters this server cannot read");
            }
        }
        if (WEAK_DIGEST.matcher(digest.toUpperCase(Locale.ROOT)).find()) {
            throw invalid("certificate is signed with " + algorithm + (digest.equals(algorithm) ? "" : " (" + digest + ")")
                    + "; MD5 and SHA-1 signatures are refused");
        }
    }

    private static void requireValidAt(X509Certificate certificate, Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw invalid("certificate expired on " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw invalid("certificate is not valid before " + certificate.getNotBefore().toInstant());
        }
    }

    /** The subject's one CN: the broker logs the device in under it (ssl_cert_login_from = common_name). */
    private static String commonName(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)).getRdns()) {
                NamingEnumeration<? extends Attribute> attributes = rdn.toAttributes().getAll();
                while (attributes.hasMore()) {
                    Attribute attribute = attributes.next();
                    if ("CN".equalsIgnoreCase(attribute.getID())) {
                        Object value = attribute.get();
                        if (!(value instanceof String text)) {
                            throw invalid("certificate has a common name (CN) that is not text");
                        }
                        names.add(text);
                    }
                }
            }
        } catch (NamingException e) {
            throw invalid("certificate has a subject this server cannot read: " + e.getMessage());
        }
        if (names.isEmpty()) {
            throw invalid("certificate has no common name (CN) in its subject; the CN becomes the device's interface name");
        }
        if (names.size() > 1) {
            throw invalid("certificate has " + names.size() + " common names (CN) in its subject; exactly one is required");
        }
        try {
            return CommonNames.valid(names.get(0));
        } catch (InvalidRequestException e) {
            throw invalid("certificate's common name '" + names.get(0) + "' cannot be an interface name: " + e.getMessage());
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw invalid("certificate cannot be encoded: " + e.getMessage());
        }
    }

    /** One certificate and nothing else, as stored with the device and shown by the API. */
    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    static String fingerprint(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static InvalidRequestException invalid(String detail) {
        return new InvalidRequestException(detail);
    }
}
