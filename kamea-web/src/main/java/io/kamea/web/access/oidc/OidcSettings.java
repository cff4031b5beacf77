package io.kamea.web.access.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import io.kamea.access.Role;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The OIDC settings, read through MicroProfile Config (docs/oidc.md, docs/configuration.md). OIDC
 * is on when both {@link #ISSUER} and {@link #JWKS_URL} are set. A setting that is present but
 * wrong makes {@link #problem()} non-null: tokens are then all refused (fail closed) and the
 * problem is logged.
 */
record OidcSettings(String issuer, URI jwksUrl, Set<String> audiences, String groupsClaim, String nameClaim,
                    Map<String, Role> roleGroups, Set<JWSAlgorithm> algorithms, int clockSkewSeconds,
                    Path caPath, String problem) {

    static final String ISSUER = "KAMEA_OIDC_ISSUER";
    static final String JWKS_URL = "KAMEA_OIDC_JWKS_URL";
    static final String AUDIENCE = "KAMEA_OIDC_AUDIENCE";
    static final String GROUPS_CLAIM = "KAMEA_OIDC_GROUPS_CLAIM";
    static final String NAME_CLAIM = "KAMEA_OIDC_NAME_CLAIM";
    static final String ROLE_GROUPS = "KAMEA_OIDC_ROLE_GROUPS";
    static final String ALGORITHMS = "KAMEA_OIDC_ALGORITHMS";
    static final String CLOCK_SKEW_SECONDS = "KAMEA_OIDC_CLOCK_SKEW_SECONDS";
    static final String CA_PATH = "KAMEA_OIDC_CA_PATH";

    static final String DEFAULT_AUDIENCE = "kamea-api";
    static final String DEFAULT_GROUPS_CLAIM = "groups";
    static final String DEFAULT_NAME_CLAIM = "sub";
    static final String DEFAULT_ROLE_GROUPS = "kamea-viewer=viewer,kamea-operator=operator,kamea-admin=admin";
    static final int DEFAULT_CLOCK_SKEW_SECONDS = 30;
    static final int MAX_CLOCK_SKEW_SECONDS = 300;

    /** Asymmetric signatures only: never {@code none}, never HMAC (a shared secret is no proof of the provider). */
    static final Set<JWSAlgorithm> ACCEPTABLE_ALGORITHMS = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512)));

    static final OidcSettings DISABLED = new OidcSettings(null, null, Set.of(), DEFAULT_GROUPS_CLAIM, DEFAULT_NAME_CLAIM,
            Map.of(), ACCEPTABLE_ALGORITHMS, DEFAULT_CLOCK_SKEW_SECONDS, null, null);

    boolean enabled() {
        return issuer != null && jwksUrl != null || problem != null;
    }

    /**
     * Reads the settings from a source of values by key ({@code Optional.empty()} or blank: not
     * set). Never throws: a wrong value becomes {@link #problem()}.
     */
    static OidcSettings read(Function<String, Optional<String>> source) {
        Function<String, Optional<String>> values = key -> source.apply(key).map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> issuer = values.apply(ISSUER);
        Optional<String> jwks = values.apply(JWKS_URL);
        if (issuer.isEmpty() && jwks.isEmpty()) {
            return DISABLED;
        }
        try {
            if (issuer.isEmpty() || jwks.isEmpty()) {
                throw new IllegalArgumentException("set both " + ISSUER + " and " + JWKS_URL + " (or neither)");
            }
            URI jwksUrl = URI.create(jwks.get());
            String scheme = jwksUrl.getScheme() == null ? "" : jwksUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || jwksUrl.getHost() == null) {
                throw new IllegalArgumentException(JWKS_URL + " must be an http(s) URL");
            }
            Set<String> audiences = list(values.apply(AUDIENCE).orElse(DEFAULT_AUDIENCE));
            if (audiences.isEmpty()) {
                throw new IllegalArgumentException(AUDIENCE + " names no audience");
            }
            Map<String, Role> roleGroups = roleGroups(values.apply(ROLE_GROUPS).orElse(DEFAULT_ROLE_GROUPS));
            Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
            for (String name : values.apply(ALGORITHMS).map(OidcSettings::list).orElse(Set.of())) {
                JWSAlgorithm algorithm = JWSAlgorithm.parse(name.toUpperCase(Locale.ROOT));
                if (!ACCEPTABLE_ALGORITHMS.contains(algorithm)) {
                    throw new IllegalArgumentException(ALGORITHMS + ": " + name
                            + " is not accepted (RS256..RS512, PS256..PS512, ES256..ES512 only)");
                }
                algorithms.add(algorithm);
            }
            int skew = values.apply(CLOCK_SKEW_SECONDS).map(Integer::parseInt).orElse(DEFAULT_CLOCK_SKEW_SECONDS);
            if (skew < 0 || skew > MAX_CLOCK_SKEW_SECONDS) {
                throw new IllegalArgumentException(CLOCK_SKEW_SECONDS + " must be 0 to " + MAX_CLOCK_SKEW_SECONDS);
            }
            return new OidcSettings(issuer.get(), jwksUrl, audiences,
                    values.apply(GROUPS_CLAIM).orElse(DEFAULT_GROUPS_CLAIM),
                    values.apply(NAME_CLAIM).orElse(DEFAULT_NAME_CLAIM), roleGroups,
                    algorithms.isEmpty() ? ACCEPTABLE_ALGORITHMS : Collections.unmodifiableSet(algorithms), skew,
                    values.apply(CA_PATH).map(Path::of).orElse(null), null);
        } catch (RuntimeException e) {
            return new OidcSettings(issuer.orElse(null), null, Set.of(), DEFAULT_GROUPS_CLAIM, DEFAULT_NAME_CLAIM,
                    Map.of(), ACCEPTABLE_ALGORITHMS, DEFAULT_CLOCK_SKEW_SECONDS, null,
                    e instanceof NumberFormatException ? CLOCK_SKEW_SECONDS + " is not a number" : e.getMessage());
        }
    }

    /**
     * {@code group=role,group=role...}; a group may be written with or without its leading
     * {@code /} (Keycloak's full group paths), several groups may give one role.
     */
    static Map<String, Role> roleGroups(String value) {
        Map<String, Role> map = new LinkedHashMap<>();
        for (String pair : list(value)) {
            int equals = pair.lastIndexOf('=');
            String group = equals < 0 ? "" : normalizeGroup(pair.substring(0, equals));
            String roleName = equals < 0 ? "" : pair.substring(equals + 1).strip().toLowerCase(Locale.ROOT);
            Role role = Role.named(roleName).orElseThrow(() -> new IllegalArgumentException(ROLE_GROUPS
                    + ": expected group=role pairs, role one of viewer, operator, admin"));
            if (group.isEmpty()) {
                throw new IllegalArgumentException(ROLE_GROUPS + ": a pair has no group");
            }
            map.put(group, role);
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException(ROLE_GROUPS + " maps no group");
        }
        return Collections.unmodifiableMap(map);
    }

    /** Without surrounding blanks and one leading {@code /}: {@code /kamea-admin} is {@code kamea-admin}. */
    static String normalizeGroup(String group) {
        String stripped = group.strip();
        return stripped.startsWith("/") ? stripped.substring(1) : stripped;
    }

    private static Set<String> list(String value) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
