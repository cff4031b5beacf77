package io.kamea.web.access.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.kamea.access.Caller;
import io.kamea.access.Role;
import io.kamea.settings.SettingSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies the OIDC bearer tokens of the operator's identity provider and tells who calls and with
 * which role. Off unless {@code KAMEA_OIDC_ISSUER} and {@code KAMEA_OIDC_JWKS_URL} are set.
 *
 * <p>A token is accepted when it is a JWS signed with an accepted asymmetric algorithm (never
 * {@code none}, never HMAC) by one of the provider's keys (its JWKS), its {@code iss} is the issuer
 * exactly, its {@code aud} holds the audience, it has not expired ({@code exp}, required), is
 * already valid ({@code nbf}) and was not issued in the future ({@code iat}), all within the clock
 * skew; it names a subject ({@code sub}) and, if it says its type, is an access token. Its groups
 * claim is then mapped to the highest role any of its groups gives; none: 403.
 *
 * <p>The caller's name is the value of {@code KAMEA_OIDC_NAME_CLAIM}, {@code sub} by default: the
 * one identifier a provider guarantees unique and stable. Providers whose user names are unique
 * and never reused may set it to {@code preferred_username} for a readable audit trail; without
 * that claim in a token, the name is {@code sub}.
 *
 * <p>The settings are read again at most every {@link #SETTINGS_TTL}, so a change in a dynamic
 * configuration source (Payara's domain properties, say) applies without a restart.
 */
@ApplicationScoped
public class OidcTokens {

    static final Duration SETTINGS_TTL = Duration.ofSeconds(10);
    /** A token longer than this is refused unparsed. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    private static final Logger LOG = Logger.getLogger(OidcTokens.class.getName());

    private final Supplier<OidcSettings> source;
    private final Clock clock;
    private final JwksFactory jwksFactory;

    private volatile Current current;

    /** The keys of one configuration; a new JWKS URL or CA file gives a new cache. */
    interface JwksFactory {
        JwksCache create(OidcSettings settings, Clock clock);
    }

    private record Current(OidcSettings settings, Instant readAt, JwksCache jwks) {
    }

    /** Settings from MicroProfile Config. */
    public OidcTokens() {
        this(() -> OidcSettings.read(SettingSource.microProfileConfig()),
                Clock.systemUTC(), (settings, clock) -> new JwksCache(settings.jwksUrl(), settings.caPath(), clock));
    }

    OidcTokens(Supplier<OidcSettings> source, Clock clock, JwksFactory jwksFactory) {
        this.source = source;
        this.clock = clock;
        this.jwksFactory = jwksFactory;
    }

    /**
     * Reads the settings while the application starts, so that wrong ones stop the deployment
     * with the message naming their key. Once it runs, a wrong change cannot stop it: every token
     * is then refused and the problem logged.
     */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        String problem = current().settings().problem();
        if (problem != null) {
            throw new IllegalStateException("OIDC bearer tokens (docs/oidc.md): " + problem);
        }
    }

    /** True when an issuer and a JWKS URL are configured: bearer values that are no API key are tokens to verify. */
    public boolean enabled() {
        return current().settings().enabled();
    }

    /**
     * The caller a token stands for, of kind {@link Caller.Kind#TOKEN}.
     *
     * @throws InvalidTokenException 401 for a token Kamea does not trust (or OIDC off), 403 for a
     *                               valid token without any of the groups that give a role
     */
    public Caller verify(String jwt) throws InvalidTokenException {
        Current now = current();
        OidcSettings settings = now.settings();
        if (!settings.enabled()) {
            throw InvalidTokenException.unauthorized("OIDC bearer tokens are not accepted here");
        }
        if (settings.problem() != null) {
            throw InvalidTokenException.unauthorized("OIDC bearer tokens cannot be verified: the server's OIDC settings are wrong");
        }
        SignedJWT token = parse(jwt);
        JWSHeader header = token.getHeader();
        JWSAlgorithm algorithm = header.getAlgorithm();
        if (!settings.algorithms().contains(algorithm)) {
            throw InvalidTokenException.unauthorized("The token's signature algorithm is not accepted");
        }
        JOSEObjectType type = header.getType();
        if (type != null && !type.equals(JOSEObjectType.JWT) && !"at+jwt".equalsIgnoreCase(type.getType())
                && !"application/at+jwt".equalsIgnoreCase(type.getType())) {
            throw InvalidTokenException.unauthorized("The token is not an access token (typ)");
        }
        verifySignature(token, now.jwks());
        JWTClaimsSet claims;
        try {
            claims = token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw InvalidTokenException.unauthorized("The token's claims cannot be read", e);
        }
        checkClaims(claims, settings);
        Role role = role(claims, settings);
        return new Caller(name(claims, settings), Caller.Kind.TOKEN, role);
    }

    private static SignedJWT parse(String jwt) throws InvalidTokenException {
        if (jwt == null || jwt.isBlank() || jwt.length() > MAX_TOKEN_CHARS) {
            throw InvalidTokenException.unauthorized("The bearer token is empty or too long");
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(jwt.strip());
        } catch (ParseException | RuntimeException e) {
            throw InvalidTokenException.unauthorized("The bearer token is not a JWT");
        }
        if (!(parsed instanceof SignedJWT signed)) {
            // a PlainJWT (alg none) or an EncryptedJWT
            throw InvalidTokenException.unauthorized("The token is not signed with an accepted algorithm");
        }
        return signed;
    }

    private static void verifySignature(SignedJWT token, JwksCache jwks) throws InvalidTokenException {
        JWSAlgorithm algorithm = token.getHeader().getAlgorithm();
        List<JWK> candidates = new ArrayList<>();
        for (JWK key : jwks.candidates(token.getHeader().getKeyID())) {
            if (fits(key, algorithm)) {
                candidates.add(key);
            }
        }
        if (candidates.isEmpty()) {
            throw InvalidTokenException.unauthorized("The token is not signed by a key of the identity provider");
        }
        for (JWK key : candidates) {
            try {
                if (token.verify(verifier(key))) {
                    return;
                }
            } catch (JOSEException e) {
                LOG.log(Level.FINE, "OIDC: key " + key.getKeyID() + " cannot verify", e);
            }
        }
        throw InvalidTokenException.unauthorized("The token's signature is not valid");
    }

    /** The key is of the algorithm's family (and says so, if it names an algorithm). */
    private static boolean fits(JWK key, JWSAlgorithm algorithm) {
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(algorithm)) {
            return false;
        }
        if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
            return key instanceof RSAKey;
        }
        if (JWSAlgorithm.Family.EC.contains(algorithm)) {
            return key instanceof ECKey ec
                    && com.nimbusds.jose.jwk.Curve.forJWSAlgorithm(algorithm).contains(ec.getCurve());
        }
        return false;
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        return new ECDSAVerifier((ECKey) key);
    }

    private void checkClaims(JWTClaimsSet claims, OidcSettings settings) throws InvalidTokenException {
        if (!settings.issuer().equals(claims.getIssuer())) {
            throw InvalidTokenException.unauthorized("The token is not from the configured issuer");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || audience.stream().noneMatch(settings.audiences()::contains)) {
            throw InvalidTokenException.unauthorized("The token is not meant for Kamea (aud)");
        }
        Instant now = clock.instant();
        Duration skew = Duration.ofSeconds(settings.clockSkewSeconds());
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw InvalidTokenException.unauthorized("The token has no expiry (exp)");
        }
        if (!now.isBefore(expires.toInstant().plus(skew))) {
            throw InvalidTokenException.unauthorized("The token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(skew).isBefore(notBefore.toInstant())) {
            throw InvalidTokenException.unauthorized("The token is not valid yet (nbf)");
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null && now.plus(skew).isBefore(issuedAt.toInstant())) {
            throw InvalidTokenException.unauthorized("The token was issued in the future (iat)");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw InvalidTokenException.unauthorized("The token names no subject (sub)");
        }
        Object tokenType = claims.getClaim("typ");
        if (tokenType instanceof String value && !value.equalsIgnoreCase("Bearer")) {
            // Keycloak marks its ID and refresh tokens ("ID", "Refresh"): only access tokens open the API
            throw InvalidTokenException.unauthorized("The token is not an access token (typ)");
        }
    }

    private static Role role(JWTClaimsSet claims, OidcSettings settings) throws InvalidTokenException {
        Role best = null;
        for (String group : groups(claims, settings.groupsClaim())) {
            Role role = settings.roleGroups().get(OidcSettings.normalizeGroup(group));
            if (role != null && (best == null || role.compareTo(best) > 0)) {
                best = role;
            }
        }
        if (best == null) {
            throw InvalidTokenException.forbidden("No Kamea role: the token's " + settings.groupsClaim()
                    + " claim holds none of the groups that give one");
        }
        return best;
    }

    /**
     * The groups claim: a list of strings or one string; a name with dots that is not a claim of
     * its own is a path into nested objects ({@code realm_access.roles}).
     */
    static List<String> groups(JWTClaimsSet claims, String claimName) {
        Object value = claims.getClaim(claimName);
        if (value == null && claimName.contains(".")) {
            Object node = claims.getClaims();
            for (String part : claimName.split("\\.")) {
                node = node instanceof Map<?, ?> map ? map.get(part) : null;
            }
            value = node;
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof Collection<?> many) {
            return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static String name(JWTClaimsSet claims, OidcSettings settings) {
        Object value = claims.getClaim(settings.nameClaim());
        return value instanceof String name && !name.isBlank() ? name : claims.getSubject();
    }

    private Current current() {
        Current known = current;
        Instant now = clock.instant();
        if (known != null && known.readAt().plus(SETTINGS_TTL).isAfter(now)) {
            return known;
        }
        synchronized (this) {
            known = current;
            if (known != null && known.readAt().plus(SETTINGS_TTL).isAfter(now)) {
                return known;
            }
            OidcSettings settings = source.get();
            JwksCache jwks = null;
            if (settings.enabled() && settings.problem() == null) {
                if (known != null && known.jwks() != null && known.jwks().isFor(settings.jwksUrl(), settings.caPath())) {
                    jwks = known.jwks();
                } else {
                    try {
                        jwks = jwksFactory.create(settings, clock);
                    } catch (IllegalArgumentException e) {
                        settings = withProblem(settings, e.getMessage());
                    }
                }
            }
            if (known == null || !Objects.equals(known.settings(), settings)) {
                describe(settings);
            }
            Current next = new Current(settings, now, jwks);
            current = next;
            return next;
        }
    }

    private static OidcSettings withProblem(OidcSettings s, String problem) {
        return new OidcSettings(s.issuer(), null, s.audiences(), s.groupsClaim(), s.nameClaim(), s.roleGroups(),
                s.algorithms(), s.clockSkewSeconds(), s.caPath(), problem);
    }

    private static void describe(OidcSettings settings) {
        if (settings.problem() != null) {
            LOG.severe("OIDC bearer tokens: the settings are wrong, every token is refused: " + settings.problem());
        } else if (settings.enabled()) {
            LOG.info(() -> String.format(Locale.ROOT,
                    "OIDC bearer tokens accepted: issuer %s, keys %s, audience %s, groups claim %s, roles %s"
                            + " (nimbus-jose-jwt from %s)",
                    settings.issuer(), settings.jwksUrl(), settings.audiences(), settings.groupsClaim(),
                    settings.roleGroups(), Optional.ofNullable(JWT.class.getProtectionDomain().getCodeSource())
                            .map(source -> String.valueOf(source.getLocation())).orElse("?")));
        } else {
            LOG.fine("OIDC bearer tokens: off (no KAMEA_OIDC_ISSUER / KAMEA_OIDC_JWKS_URL)");
        }
    }
}
