package io.kamea.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values from a {@link SettingSource} and refuses, with an
 * {@link InvalidSettingException} naming the key, any value that is set but is not what the key
 * accepts. Typed values (booleans, numbers, URLs) may have blanks around them; text values are
 * taken as written.
 *
 * <p>Booleans are {@code true} or {@code false} and nothing else (any case): before this class,
 * one key took {@code "true"} alone as true, another anything but {@code "false"}, and MicroProfile
 * Config's own converter turns {@code yes} and {@code on} into true and every other word into
 * false, so a typo silently switched a feature. A value that is neither now stops the deployment.
 */
public final class SettingReader {

    private final SettingSource source;

    public SettingReader(SettingSource source) {
        this.source = source;
    }

    /** The value as written, if set. */
    public Optional<String> optionalText(String key) {
        return source.value(key);
    }

    /** The value as written, else {@code fallback}. */
    public String text(String key, String fallback) {
        return source.value(key).orElse(fallback);
    }

    /** The value as written; refused when not set. {@code what} says what the key is for. */
    public String requiredText(String key, String what) {
        return source.value(key).orElseThrow(() -> new InvalidSettingException(key, "not set (" + what + ")"));
    }

    /** {@code true} or {@code false} (any case), else {@code fallback} when not set. */
    public boolean flag(String key, boolean fallback) {
        Optional<String> value = typed(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(key, "must be true or false, not '" + value.get() + "'");
        };
    }

    /** A whole number from {@code min} to {@code max}, else {@code fallback} when not set. */
    public int integer(String key, int fallback, int min, int max) {
        return (int) number(key, fallback, min, max);
    }

    /** A number of seconds from {@code min} to {@code max}, else {@code fallback} seconds when not set. */
    public Duration seconds(String key, long fallback, long min, long max) {
        return Duration.ofSeconds(number(key, fallback, min, max));
    }

    /**
     * An absolute URL with a host and one of {@code schemes} (any case; empty: any scheme), else
     * {@code fallback} when not set.
     */
    public URI url(String key, String fallback, Set<String> schemes) {
        return optionalUrl(key, schemes).orElseGet(() -> URI.create(fallback));
    }

    /** As {@link #url}, empty when not set. */
    public Optional<URI> optionalUrl(String key, Set<String> schemes) {
        Optional<String> value = typed(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        URI url;
        try {
            url = new URI(value.get());
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(key, "is not a URL: '" + value.get() + "' (" + e.getReason() + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || scheme.isEmpty()) {
            throw new InvalidSettingException(key, "must be a URL with a scheme and a host, not '" + value.get() + "'");
        }
        if (!schemes.isEmpty() && !schemes.contains(scheme)) {
            throw new InvalidSettingException(key, "must be a " + String.join(", ", schemes.stream().sorted().toList())
                    + " URL, not '" + value.get() + "'");
        }
        return Optional.of(url);
    }

    /** The path of a file that exists and can be read, if set. */
    public Optional<Path> optionalReadableFile(String key) {
        Optional<String> value = typed(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(value.get());
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(key, "is not a file path: '" + value.get() + "'");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidSettingException(key, "names no readable file: " + path);
        }
        return Optional.of(path);
    }

    private long number(String key, long fallback, long min, long max) {
        Optional<String> value = typed(key);
        if (value.isEmpty()) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "must be a whole number " + range(min, max) + ", not '"
                    + value.get() + "'");
        }
        if (number < min || number > max) {
            throw new InvalidSettingException(key, "must be " + range(min, max) + ", not " + number);
        }
        return number;
    }

    private static String range(long min, long max) {
        return max == Integer.MAX_VALUE || max == Long.MAX_VALUE ? "from " + min : "from " + min + " to " + max;
    }

    private Optional<String> typed(String key) {
        return source.value(key).map(String::strip);
    }
}
