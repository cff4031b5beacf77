package io.kamea.web.access.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import io.kamea.access.Role;
import io.kamea.settings.InvalidSettingException;
import io.kamea.settings.SettingReader;
import io.kamea.settings.SettingSource;
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

/**
 * The OIDC settings, read through MicroProfile Config (docs/oidc.md, docs/configuration.md). OIDC
 * is on when both {@link #ISSUER} and {@link #JWKS_URL} are set. A setting that is present but
 * wrong makes {@link #problem()} non-null: at the application's start that stops the deployment
 * ({@link OidcTokens}); later (the settings are read again every 10 s) tokens are all refused
 * (fail closed) and the problem is logged.
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
     * Reads the settings from a source of values by key (blank: not set). Never throws: a wrong
     * value becomes {@link #problem()}, which names its key.
     */
    static OidcSettings read(SettingSource source) {
        SettingSource values = key -> source.value(key).map(String::strip).filter(v -> !v.isEmpty());
        SettingReader settings = new SettingReader(values);
        Optional<String> issuer = values.value(ISSUER);
        Optional<String> jwks = values.value(JWKS_URL);
        if (issuer.isEmpty() && jwks.isEmpty()) {
            return DISABLED;
        }
        try {
            if (issuer.isEmpty() || jwks.isEmpty()) {
                throw new InvalidSettingException(issuer.isEmpty() ? ISSUER : JWKS_URL,
                        "set both " + ISSUER + " and " + JWKS_URL + " (or neither)");
            }
            URI jwksUrl = settings.optionalUrl(JWKS_URL, Set.of("https", "http")).orElseThrow();
            Set<String> audiences = list(settings.text(AUDIENCE, DEFAULT_AUDIENCE));
            if (audiences.isEmpty()) {
                throw new InvalidSettingException(AUDIENCE, "names no audience");
            }
            Map<String, Role> roleGroups = roleGroups(settings.text(ROLE_GROUPS, DEFAULT_ROLE_GROUPS));
            Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
            for (String name : values.value(ALGORITHMS).map(OidcSettings::list).orElse(Set.of())) {
                JWSAlgorithm algorithm = JWSAlgorithm.parse(name.toUpperCase(Locale.ROOT));
                if (!ACCEPTABLE_ALGORITHMS.contains(algorithm)) {
                    throw new InvalidSettingException(ALGORITHMS, name
                            + " is not accepted (RS256..RS512, PS256..PS512, ES256..ES512 only)");
                }
                algorithms.add(algorithm);
            }
            int skew = settings.integer(CLOCK_SKEW_SECONDS, DEFAULT_CLOCK_SKEW_SECONDS, 0, MAX_CLOCK_SKEW_SECONDS);
            return new OidcSettings(issuer.get(), jwksUrl, audiences,
                    settings.text(GROUPS_CLAIM, DEFAULT_GROUPS_CLAIM),
                    settings.text(NAME_CLAIM, DEFAULT_NAME_CLAIM), roleGroups,
                    algorithms.isEmpty() ? ACCEPTABLE_ALGORITHMS : Collections.unmodifiableSet(algorithms), skew,
                    settings.optionalReadableFile(CA_PATH).orElse(null), null);
        } catch (RuntimeException e) {
            return new OidcSettings(issuer.orElse(null), null, Set.of(), DEFAULT_GROUPS_CLAIM, DEFAULT_NAME_CLAIM,
                    Map.of(), ACCEPTABLE_ALGORITHMS, DEFAULT_CLOCK_SKEW_SECONDS, null, e.getMessage());
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
            Role role = Role.named(roleName).orElseThrow(() -> new InvalidSettingException(ROLE_GROUPS,
                    "expected group=role pairs, role one of viewer, operator, admin"));
            if (group.isEmpty()) {
                throw new InvalidSettingException(ROLE_GROUPS, "a pair has no group");
            }
            map.put(group, role);
        }
        if (map.isEmpty()) {
            throw new InvalidSettingException(ROLE_GROUPS, "maps no group");
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
