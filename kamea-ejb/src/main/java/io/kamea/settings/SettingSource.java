package io.kamea.settings;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where settings come from: the value of a key as written, or empty when it is not set. A blank
 * value counts as not set, as MicroProfile Config already treats an empty one: an exported but
 * empty environment variable leaves the default in place.
 */
@FunctionalInterface
public interface SettingSource {

    /** The value of {@code key}, or empty when it is unset or blank. */
    Optional<String> value(String key);

    /**
     * MicroProfile Config (environment variables, system properties, the server's own sources),
     * asked again at every call so that a dynamic source (Payara's domain properties) is seen.
     * The application modules' one way to their configuration: settings beans read through it,
     * nothing else asks MicroProfile Config or the environment for a Kamea key. Standard API only,
     * so that the EAR runs on another Jakarta EE server with MicroProfile Config (WildFly) too.
     */
    static SettingSource microProfileConfig() {
        return key -> ConfigProvider.getConfig().getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    }

    /** Fixed values (tests, or values checked before they are used). */
    static SettingSource of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }
}
