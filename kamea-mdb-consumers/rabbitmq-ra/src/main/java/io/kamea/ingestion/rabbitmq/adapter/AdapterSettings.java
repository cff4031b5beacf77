package io.kamea.ingestion.rabbitmq.adapter;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The resource adapter's one way to its configuration keys, and the only class of the adapter
 * that reads one ({@link ConnectionSettings} and {@link RabbitActivationSpec} read through it).
 *
 * <p>Why the adapter reads keys at all, rather than take every value from its standard connector
 * properties: the broker account ({@code RMQ_LOGIN}, {@code RMQ_PWD}) is a secret that belongs
 * neither in {@code ra.xml} nor in the beans' annotations, per-server connector properties would
 * need each server's own administration (Payara's {@code create-resource-adapter-config},
 * WildFly's resource-adapters subsystem), and operators already set these keys for the rest of
 * Kamea. What a bean consumes and how stays in its standard activation properties; keys named
 * after its queue may override them. Why not CDI: a RAR has none, so MicroProfile Config is
 * asked directly when the adapter's class loader sees it (Payara), else the environment.
 *
 * <p>Values are stripped, and blank is not set. Booleans are {@code true} or {@code false} (any
 * case) and nothing else; a number must be a whole number. A wrong value throws an
 * {@link IllegalArgumentException} naming its key, which fails the beans' activation and so the
 * deployment.
 */
final class AdapterSettings {

    private final UnaryOperator<String> source;

    /** {@code source}: a key's value, or null when it is not set. */
    AdapterSettings(UnaryOperator<String> source) {
        this.source = source;
    }

    /** MicroProfile Config when the adapter's class loader sees it and it works; else the environment. */
    static String configured(String key) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(null);
        } catch (LinkageError | RuntimeException e) {
            // no MP Config API in this class loader (NoClassDefFoundError) or no implementation behind it
            return System.getenv(key);
        }
    }

    /** The value, stripped; null when not set or blank. */
    String text(String key) {
        String value = source.apply(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    String text(String key, String fallback) {
        String value = text(key);
        return value == null ? fallback : value;
    }

    /** {@code true} or {@code false}, else {@code fallback} when not set. */
    boolean flag(String key, boolean fallback) {
        String value = text(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, "must be true or false, not '" + value + "'");
        };
    }

    /** A whole number, or null when not set. */
    Integer integer(String key) {
        String value = text(key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a whole number, not '" + value + "'");
        }
    }

    /** The message names the key, as the application's settings do (io.kamea.settings). */
    static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException("Invalid setting " + key + ": " + problem);
    }
}
