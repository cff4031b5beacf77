package io.kamea.web.access.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.kamea.access.Caller;
import io.kamea.access.Role;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OidcTokens} against tokens signed here with keys generated here, the key set served by a
 * JDK HTTP server on 127.0.0.1 as a provider serves its JWKS.
 */
class OidcTokensTest {

    private static final String ISSUER = "https://idp.example/realms/kamea";

    private static RSAKey rsa;
    private static ECKey ec;
    private static RSAKey stranger;

    private HttpServer server;
    private final List<JWK> published = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final Map<String, String> config = new HashMap<>();
    private OidcTokens tokens;

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).generate();
        stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
    }

    @BeforeEach
    void provider() throws Exception {
        published.add(rsa.toPublicJWK());
        published.add(ec.toPublicJWK());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/certs", exchange -> {
            requests.incrementAndGet();
            byte[] body;
            synchronized (published) {
                body = new JWKSet(new ArrayList<>(published)).toString(true).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        config.put(OidcSettings.ISSUER, ISSUER);
        config.put(OidcSettings.JWKS_URL, "http://127.0.0.1:" + server.getAddress().getPort() + "/certs");
        tokens = new OidcTokens(() -> OidcSettings.read(key -> Optional.ofNullable(config.get(key))), clock,
                (settings, clock) -> new JwksCache(settings.jwksUrl(), settings.caPath(), clock));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void eachGroupGivesItsRole() throws Exception {
        assertTrue(tokens.enabled());
        assertEquals(new Caller("user-1", Caller.Kind.TOKEN, Role.VIEWER), tokens.verify(token(claims("kamea-viewer"))));
        assertEquals(Role.OPERATOR, tokens.verify(token(claims("kamea-operator"))).role());
        assertEquals(Role.ADMIN, tokens.verify(token(claims("kamea-admin"))).role());
        assertEquals(1, requests.get(), "the key set is fetched once and kept");
    }

    @Test
    void theHighestRoleOfSeveralGroupsWins() throws Exception {
        assertEquals(Role.ADMIN, tokens.verify(token(claims("kamea-viewer", "other", "kamea-admin", "kamea-operator"))).role());
    }

    @Test
    void keycloakGroupPathsAreTheirGroups() throws Exception {
        assertEquals(Role.ADMIN, tokens.verify(token(claims("/kamea-admin"))).role());
        InvalidTokenException subgroup = assertThrows(InvalidTokenException.class,
                () -> tokens.verify(token(claims("/elsewhere/kamea-admin"))), "a subgroup elsewhere is another group");
        assertTrue(subgroup.forbidden());
    }

    @Test
    void aTokenWithoutAnyKameaGroupIsForbidden() throws Exception {
        InvalidTokenException none = assertThrows(InvalidTokenException.class, () -> tokens.verify(token(claims())));
        assertEquals(403, none.status());
        assertTrue(none.forbidden());
        assertTrue(none.getMessage().contains("No Kamea role"), none.getMessage());
        JWTClaimsSet noClaim = new JWTClaimsSet.Builder(claims()).claim("groups", null).build();
        assertEquals(403, assertThrows(InvalidTokenException.class, () -> tokens.verify(token(noClaim))).status());
        assertEquals(403, assertThrows(InvalidTokenException.class,
                () -> tokens.verify(token(claims("kamea-admins", "Kamea-Admin")))).status());
    }

    @Test
    void anEllipticCurveSignatureIsAccepted() throws Exception {
        assertEquals(Role.OPERATOR, tokens.verify(sign(ec, JWSAlgorithm.ES256, claims("kamea-operator"))).role());
    }

    @Test
    void anExpiredTokenIsRefusedPastTheClockSkew() throws Exception {
        String token = token(claims("kamea-admin"));
        clock.set(Instant.parse("2026-11-01T12:05:29Z")); // exp 12:05:00, within the 30 s skew
        assertEquals(Role.ADMIN, tokens.verify(token).role());
        clock.set(Instant.parse("2026-11-01T12:05:30Z"));
        assertUnauthorized(token, "expired");
        assertUnauthorized(token(without(claims("kamea-admin"), b -> b.expirationTime(null))), "no expiry");
    }

    @Test
    void aTokenNotValidYetOrIssuedInTheFutureIsRefused() throws Exception {
        Date later = Date.from(clock.instant().plusSeconds(31));
        assertUnauthorized(token(without(claims("kamea-admin"), b -> b.notBeforeTime(later))), "not valid yet");
        assertUnauthorized(token(without(claims("kamea-admin"), b -> b.issueTime(later))), "issued in the future");
        Date skewed = Date.from(clock.instant().plusSeconds(20));
        assertEquals(Role.ADMIN, tokens.verify(token(without(claims("kamea-admin"), b -> b.notBeforeTime(skewed).issueTime(skewed)))).role());
    }

    @Test
    void anotherIssuerIsRefused() throws Exception {
        assertUnauthorized(token(without(claims("kamea-admin"), b -> b.issuer("https://idp.example/realms/other"))), "issuer");
        assertUnauthorized(token(without(claims("kamea-admin"), b -> b.issuer(ISSUER + "/"))), "issuer");
        assertUnauthorized(token(without(claims("kamea-admin"), b -> b.issuer(null))), "issuer");
    }

    @Test
    void anotherAudienceIsRefused() throws Exception {
        assertUnauthorized(token(without(claims("kamea-admin"), b -> b.audience("account"))), "aud");
        assertUnauthorized(token(without(claims("kamea-admin"), b -> b.audience((String) null))), "aud");
        assertEquals(Role.ADMIN, tokens.verify(token(without(claims("kamea-admin"), b -> b.audience(List.of("account", "kamea-api"))))).role());
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        String payload = Base64URL.encode(claims("kamea-admin").toString()).toString();
        assertUnauthorized(Base64URL.encode("{\"alg\":\"none\"}") + "." + payload + ".", "not signed");
        assertUnauthorized(Base64URL.encode("{\"alg\":\"none\",\"kid\":\"rsa-1\"}") + "." + payload + ".", "not signed");
        // a real signature with the header swapped for alg none
        String[] parts = token(claims("kamea-admin")).split("\\.");
        assertUnauthorized(Base64URL.encode("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2], "");
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        byte[] secret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims("kamea-admin"));
        hmac.sign(new MACSigner(secret));
        assertUnauthorized(hmac.serialize(), "algorithm");
        byte[] encoded = rsa.toRSAPublicKey().getEncoded();
        SignedJWT hmac2 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims("kamea-admin"));
        hmac2.sign(new MACSigner(encoded));
        assertUnauthorized(hmac2.serialize(), "algorithm");
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        // another key claiming to be rsa-1
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims("kamea-admin"));
        forged.sign(new RSASSASigner(stranger));
        assertUnauthorized(forged.serialize(), "signature");
        // a valid token with its claims changed
        String[] parts = token(claims("kamea-viewer")).split("\\.");
        String changed = Base64URL.encode(claims("kamea-admin").toString()).toString();
        assertUnauthorized(parts[0] + "." + changed + "." + parts[2], "signature");
        // an RSA header on an EC key id
        SignedJWT mixed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ec-1").build(), claims("kamea-admin"));
        mixed.sign(new RSASSASigner(rsa));
        assertUnauthorized(mixed.serialize(), "not signed by a key");
    }

    @Test
    void anUnknownKeyIdIsRefusedAndCannotFloodTheProvider() throws Exception {
        assertEquals(Role.ADMIN, tokens.verify(token(claims("kamea-admin"))).role());
        assertEquals(1, requests.get());
        for (int i = 0; i < 50; i++) {
            assertUnauthorized(sign(new RSAKey.Builder(stranger).keyID("made-up-" + i).build(), JWSAlgorithm.RS256,
                    claims("kamea-admin")), "not signed by a key");
        }
        assertEquals(1, requests.get(), "no refetch within 30 s of the last one");
        clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < 50; i++) {
            assertUnauthorized(sign(new RSAKey.Builder(stranger).keyID("made-up-" + i).build(), JWSAlgorithm.RS256,
                    claims("kamea-admin")), "not signed by a key");
        }
        assertEquals(2, requests.get(), "one refetch per 30 s at most");
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesIt() throws Exception {
        assertEquals(Role.ADMIN, tokens.verify(token(claims("kamea-admin"))).role());
        RSAKey next = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        synchronized (published) {
            published.add(next.toPublicJWK());
        }
        clock.advance(Duration.ofSeconds(31));
        assertEquals(Role.VIEWER, tokens.verify(sign(next, JWSAlgorithm.RS256, claims("kamea-viewer"))).role());
        assertEquals(2, requests.get());
    }

    @Test
    void theKeysAreKeptWhenTheProviderIsDownAndRefusedBeforeItAnswers() throws Exception {
        String token = token(claims("kamea-admin"));
        assertEquals(Role.ADMIN, tokens.verify(token).role());
        server.stop(0);
        clock.advance(Duration.ofMinutes(11)); // stale: refetch fails, the known keys stay
        assertEquals(Role.ADMIN, tokens.verify(token(claims("kamea-admin"))).role());

        config.put(OidcSettings.JWKS_URL, "http://127.0.0.1:1/certs"); // nothing listens on port 1
        clock.advance(Duration.ofSeconds(11));
        assertUnauthorized(token(claims("kamea-admin")), "not signed by a key");
    }

    @Test
    void anIdTokenOrARefreshTokenIsNoAccessToken() throws Exception {
        assertUnauthorized(token(without(claims("kamea-admin"), b -> b.claim("typ", "ID"))), "access token");
        assertUnauthorized(token(without(claims("kamea-admin"), b -> b.claim("typ", "Refresh"))), "access token");
        SignedJWT logout = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(new JOSEObjectType("logout+jwt")).build(), claims("kamea-admin"));
        logout.sign(new RSASSASigner(rsa));
        assertUnauthorized(logout.serialize(), "access token");
        SignedJWT rfc9068 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(new JOSEObjectType("at+jwt")).build(), claims("kamea-admin"));
        rfc9068.sign(new RSASSASigner(rsa));
        assertEquals(Role.ADMIN, tokens.verify(rfc9068.serialize()).role());
    }

    @Test
    void aTokenWithoutSubjectIsRefused() throws Exception {
        assertUnauthorized(token(without(claims("kamea-admin"), b -> b.subject(null))), "subject");
    }

    @Test
    void garbageIsRefusedWithoutEchoingIt() {
        for (String garbage : new String[] {"", "secret-looking-value", "a.b.c", "x".repeat(20_000), "eyJ.eyJ.sig"}) {
            InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> tokens.verify(garbage));
            assertEquals(401, e.status());
            assertFalse(!garbage.isEmpty() && e.getMessage().contains(garbage), e.getMessage());
        }
    }

    @Test
    void messagesNeverHoldTheTokenOrItsClaims() throws Exception {
        String token = token(without(claims("kamea-admin"), b -> b.issuer("https://evil.example/secret-issuer")));
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> tokens.verify(token));
        assertFalse(e.getMessage().contains("evil"), e.getMessage());
        assertFalse(e.getMessage().contains(token.substring(0, 20)), e.getMessage());
    }

    @Test
    void theNameIsTheSubjectUnlessAnotherClaimIsConfigured() throws Exception {
        JWTClaimsSet named = without(claims("kamea-viewer"), b -> b.claim("preferred_username", "alice"));
        assertEquals("user-1", tokens.verify(token(named)).name());
        config.put(OidcSettings.NAME_CLAIM, "preferred_username");
        clock.advance(Duration.ofSeconds(11)); // settings are read again every 10 s
        assertEquals("alice", tokens.verify(token(named)).name());
        assertEquals("user-1", tokens.verify(token(claims("kamea-viewer"))).name(), "no such claim: sub");
    }

    @Test
    void theMappingAndTheGroupsClaimAreConfigurable() throws Exception {
        config.put(OidcSettings.ROLE_GROUPS, "/ops/kamea=operator, platform-admins=admin,readers=viewer");
        config.put(OidcSettings.GROUPS_CLAIM, "realm_access.roles");
        config.put(OidcSettings.AUDIENCE, "account,kamea");
        clock.advance(Duration.ofSeconds(11));
        JWTClaimsSet realmRoles = without(claims(), b -> b.audience("kamea")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "ops/kamea"))));
        assertEquals(Role.OPERATOR, tokens.verify(token(realmRoles)).role());
        assertEquals(403, assertThrows(InvalidTokenException.class,
                () -> tokens.verify(token(without(claims("kamea-admin"), b -> b.audience("kamea"))))).status());
    }

    @Test
    void theAlgorithmsAreConfigurableButNeverSymmetric() throws Exception {
        config.put(OidcSettings.ALGORITHMS, "ES256");
        clock.advance(Duration.ofSeconds(11));
        assertUnauthorized(token(claims("kamea-admin")), "algorithm");
        assertEquals(Role.ADMIN, tokens.verify(sign(ec, JWSAlgorithm.ES256, claims("kamea-admin"))).role());
        config.put(OidcSettings.ALGORITHMS, "RS256,HS256");
        clock.advance(Duration.ofSeconds(11));
        assertTrue(tokens.enabled(), "wrong settings: still on, every token refused");
        assertUnauthorized(token(claims("kamea-admin")), "settings");
    }

    @Test
    void offWithoutIssuerAndKeys() {
        config.clear();
        clock.advance(Duration.ofSeconds(11));
        assertFalse(tokens.enabled());
        assertEquals(401, assertThrows(InvalidTokenException.class, () -> tokens.verify(token(claims("kamea-admin")))).status());
    }

    @Test
    void wrongSettingsRefuseEveryToken() throws Exception {
        for (Map.Entry<String, String> wrong : Map.of(
                OidcSettings.ROLE_GROUPS, "kamea-admin=root",
                OidcSettings.JWKS_URL, "ftp://idp.example/certs",
                OidcSettings.CLOCK_SKEW_SECONDS, "ten",
                OidcSettings.CA_PATH, "/no/such/ca.pem").entrySet()) {
            OidcTokens fresh = new OidcTokens(() -> {
                Map<String, String> values = new HashMap<>(config);
                values.put(wrong.getKey(), wrong.getValue());
                return OidcSettings.read(key -> Optional.ofNullable(values.get(key)));
            }, clock, (settings, clock) -> new JwksCache(settings.jwksUrl(), settings.caPath(), clock));
            assertTrue(fresh.enabled(), wrong.getKey());
            InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> fresh.verify(token(claims("kamea-admin"))));
            assertEquals(401, e.status(), wrong.getKey());
        }
        config.remove(OidcSettings.JWKS_URL);
        assertTrue(OidcSettings.read(key -> Optional.ofNullable(config.get(key))).problem().contains("both"));
    }

    @Test
    void wrongSettingsAtStartStopTheApplicationNamingTheKey() {
        tokens.checkAtStart(new Object());
        for (Map.Entry<String, String> wrong : Map.of(
                OidcSettings.CLOCK_SKEW_SECONDS, "-1",
                OidcSettings.JWKS_URL, "http://idp example/certs",
                OidcSettings.CA_PATH, "/no/such/ca.pem",
                OidcSettings.ALGORITHMS, "HS256").entrySet()) {
            Map<String, String> values = new HashMap<>(config);
            values.put(wrong.getKey(), wrong.getValue());
            OidcTokens fresh = new OidcTokens(() -> OidcSettings.read(key -> Optional.ofNullable(values.get(key))), clock,
                    (settings, clock) -> new JwksCache(settings.jwksUrl(), settings.caPath(), clock));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> fresh.checkAtStart(new Object()));
            assertTrue(e.getMessage().contains("Invalid setting " + wrong.getKey() + ": "), e.getMessage());
        }
    }

    @Test
    void theKeysAreFetchedOverTlsTrustingTheConfiguredCa(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("jwks.p12");
        Path ca = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "jwks", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "jwks", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", ca.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(keystore.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        byte[] body = new JWKSet(rsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        https.createContext("/certs", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        https.start();
        try {
            URI url = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/certs");
            assertEquals(List.of("rsa-1"), new JwksCache(url, ca, clock).candidates("rsa-1").stream().map(JWK::getKeyID).toList());
            assertEquals(List.of(), new JwksCache(url, null, clock).candidates("rsa-1"), "not trusted without the CA");
        } finally {
            https.stop(0);
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
    }

    private void assertUnauthorized(String token, String messagePart) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> tokens.verify(token));
        assertEquals(401, e.status(), e.getMessage());
        assertFalse(e.forbidden());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    private JWTClaimsSet claims(String... groups) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("kamea-api")
                .subject("user-1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("typ", "Bearer")
                .claim("groups", List.of(groups))
                .build();
    }

    private static JWTClaimsSet without(JWTClaimsSet claims, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder(claims);
        change.accept(builder);
        return builder.build();
    }

    private static String token(JWTClaimsSet claims) throws Exception {
        return sign(rsa, JWSAlgorithm.RS256, claims);
    }

    private static String sign(JWK key, JWSAlgorithm algorithm, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        JWSSigner signer = key instanceof ECKey e ? new ECDSASigner(e) : new RSASSASigner((RSAKey) key);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
