package io.kamea.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The keys the platform reads are exactly the keys docs/configuration.md documents for it, and
 * only the two readers of configuration (this package's {@link SettingSource}, the resource
 * adapter's {@code AdapterSettings}) ask for them.
 *
 * <p>It reads sources, not classes, so that it sees every module of the EAR from here: the main
 * sources of every module of the repository but the device simulator's (a tool beside the
 * platform, whose command-line defaults come from the shell's environment). In them, a string
 * literal of upper-case words joined by {@code _} is a configuration key, and so is each key the
 * resource adapter derives from a consumer's queue ({@code RabbitActivationSpec.QUEUE_OVERRIDES},
 * named by the rule of its {@code overrideKey}). In the document, the keys are those of the first
 * column of the tables of the section "Application (Kamea API)", a row {@code PREFIX_*} standing
 * for the keys of one consumer's queue; the other sections document the scripts' keys.
 */
class DocumentedKeysTest {

    private static final Pattern KEY_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    private static final Pattern QUEUE = Pattern.compile(
            "propertyName\\s*=\\s*\"queue\"\\s*,\\s*propertyValue\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern QUEUE_OVERRIDES = Pattern.compile("QUEUE_OVERRIDES\\s*=\\s*List\\.of\\(([^)]*)\\)");
    private static final Pattern LITERAL = Pattern.compile("\"(\\w+)\"");
    private static final Pattern DOCUMENTED_KEY = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:[A-Z0-9]+|\\*))`");
    private static final String SECTION = "## Application (Kamea API)";

    /** The two classes that may ask MicroProfile Config or the environment for a value. */
    private static final Set<String> READERS = Set.of(
            "kamea-ejb/src/main/java/io/kamea/settings/SettingSource.java",
            "kamea-mdb-consumers/rabbitmq-ra/src/main/java/io/kamea/ingestion/rabbitmq/adapter/AdapterSettings.java");
    private static final Pattern READING = Pattern.compile(
            "org\\.eclipse\\.microprofile\\.config|System\\.getenv|System\\.getProperty");

    private static final Path ROOT = repositoryRoot();
    private static final List<Path> SOURCES = platformSources();
    /** The activation properties a key named after the queue overrides, as keys' suffixes. */
    private static final List<String> QUEUE_KEY_SUFFIXES = queueKeySuffixes();

    @Test
    void everyKeyTheCodeReadsIsDocumentedAndEveryDocumentedKeyIsRead() {
        Set<String> read = keysRead();
        Set<String> documented = keysDocumented();
        // the scan itself works: a plain key and a consumer's key are found on both sides
        for (String key : List.of("USE_MQTT", "KAMEA_TELEMETRY_MAX_BATCH_SIZE", "KAMEA_CONNECTION_EVENTS_PREFETCH")) {
            assertTrue(read.contains(key), "the code scan did not find " + key);
            assertTrue(documented.contains(key), "the document scan did not find " + key);
        }

        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documented);
        assertEquals(Set.of(), undocumented, "read by the code, missing from docs/configuration.md, \"Application\"");

        Set<String> unread = new TreeSet<>(documented);
        unread.removeAll(read);
        assertEquals(Set.of(), unread, "in docs/configuration.md, \"Application\", read by no code");
    }

    @Test
    void onlyTheSettingsReadersAskForConfiguration() {
        Set<String> readers = new TreeSet<>();
        for (Path source : SOURCES) {
            if (READING.matcher(read(source)).find()) {
                readers.add(ROOT.relativize(source).toString().replace('\\', '/'));
            }
        }
        assertEquals(new TreeSet<>(READERS), readers,
                "configuration is read through the components' settings beans, which read through these");
    }

    private static Set<String> keysRead() {
        Set<String> keys = new TreeSet<>();
        List<String> queues = new ArrayList<>();
        for (Path source : SOURCES) {
            String text = read(source);
            KEY_LITERAL.matcher(text).results().forEach(m -> keys.add(m.group(1)));
            QUEUE.matcher(text).results().forEach(m -> queues.add(m.group(1)));
        }
        assertFalse(queues.isEmpty(), "no consumer's queue found");
        for (String queue : queues) {
            // RabbitActivationSpec.overrideKey: the queue in upper case, every other character _
            String prefix = queue.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
            QUEUE_KEY_SUFFIXES.forEach(suffix -> keys.add(prefix + suffix));
        }
        return keys;
    }

    private static Set<String> keysDocumented() {
        List<String> lines = read(ROOT.resolve("docs/configuration.md")).lines().toList();
        int start = lines.indexOf(SECTION);
        assertTrue(start >= 0, "docs/configuration.md has no line \"" + SECTION + "\"");
        Set<String> keys = new TreeSet<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| key ")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            for (Matcher m = DOCUMENTED_KEY.matcher(firstCell); m.find(); ) {
                String key = m.group(1);
                if (key.endsWith("_*")) {
                    String prefix = key.substring(0, key.length() - 1);
                    QUEUE_KEY_SUFFIXES.forEach(suffix -> keys.add(prefix + suffix));
                } else {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private static List<String> queueKeySuffixes() {
        Path spec = SOURCES.stream().filter(path -> path.endsWith("RabbitActivationSpec.java")).findFirst()
                .orElseThrow(() -> new AssertionError("RabbitActivationSpec.java not found"));
        Matcher list = QUEUE_OVERRIDES.matcher(read(spec));
        assertTrue(list.find(), "RabbitActivationSpec.QUEUE_OVERRIDES not found");
        // RabbitActivationSpec.overrideKey: maxBatchSize is MAX_BATCH_SIZE
        List<String> suffixes = LITERAL.matcher(list.group(1)).results()
                .map(m -> m.group(1).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)).toList();
        assertFalse(suffixes.isEmpty(), "RabbitActivationSpec.QUEUE_OVERRIDES is empty");
        return suffixes;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/configuration.md"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "docs/configuration.md not found above the working directory");
        return dir;
    }

    /** Main sources, skipping build output, hidden folders (.git, .runtime) and the simulator. */
    private static List<Path> platformSources() {
        List<Path> sources = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(ROOT) && (name.startsWith(".") || name.equals("target")
                            || name.equals("node_modules") || name.contains("simulator"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.toString().endsWith(".java") && file.toString().replace('\\', '/').contains("/src/main/java/")) {
                        sources.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(sources.isEmpty(), "no main source under " + ROOT);
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
