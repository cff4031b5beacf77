package io.kamea.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each type of setting accepts, and that a refusal names the key. */
class SettingReaderTest {

    private static SettingReader reader(String key, String value) {
        return new SettingReader(SettingSource.of(Map.of(key, value)));
    }

    private static String refused(Runnable read) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, read::run);
        assertTrue(e.getMessage().startsWith("Invalid setting " + e.key() + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aBooleanIsTrueOrFalseInAnyCaseWithBlanksAround() {
        assertTrue(reader("K", "true").flag("K", false));
        assertTrue(reader("K", " TRUE ").flag("K", false));
        assertFalse(reader("K", "False").flag("K", true));
    }

    @Test
    void anyOtherBooleanIsRefusedRatherThanTakenForFalse() {
        for (String word : new String[] {"yes", "1", "on", "no", "0", "off", "treu", "true!"}) {
            assertEquals("Invalid setting USE_MQTT: must be true or false, not '" + word + "'",
                    refused(() -> reader("USE_MQTT", word).flag("USE_MQTT", false)));
        }
    }

    @Test
    void unsetOrBlankMeansTheDefault() {
        SettingReader none = new SettingReader(SettingSource.of(Map.of("BLANK", "  ")));
        assertTrue(none.flag("K", true));
        assertTrue(none.flag("BLANK", true));
        assertEquals(7, none.integer("BLANK", 7, 1, 10));
        assertEquals("fallback", none.text("BLANK", "fallback"));
        assertEquals(Optional.empty(), none.optionalText("BLANK"));
    }

    @Test
    void textIsTakenAsWritten() {
        assertEquals(" pass word ", reader("K", " pass word ").text("K", "x"));
    }

    @Test
    void aRequiredTextMustBeSet() {
        assertEquals("Invalid setting RMQ_LOGIN: not set (the broker account)",
                refused(() -> new SettingReader(SettingSource.of(Map.of())).requiredText("RMQ_LOGIN", "the broker account")));
    }

    @Test
    void numbersAreWholeAndWithinTheirBounds() {
        assertEquals(42, reader("N", " 42 ").integer("N", 1, 1, 100));
        assertEquals(1, reader("N", "1").integer("N", 5, 1, 100));
        assertEquals(100, reader("N", "100").integer("N", 5, 1, 100));
        assertEquals("Invalid setting N: must be from 1 to 100, not 0", refused(() -> reader("N", "0").integer("N", 5, 1, 100)));
        assertEquals("Invalid setting N: must be from 1 to 100, not 101",
                refused(() -> reader("N", "101").integer("N", 5, 1, 100)));
        assertEquals("Invalid setting N: must be a whole number from 1, not 'ten'",
                refused(() -> reader("N", "ten").integer("N", 5, 1, Integer.MAX_VALUE)));
        refused(() -> reader("N", "2.5").integer("N", 5, 1, 100));
        refused(() -> reader("N", "99999999999").integer("N", 5, 1, Integer.MAX_VALUE));
    }

    @Test
    void durationsAreWholeSecondsWithinTheirBounds() {
        assertEquals(Duration.ofSeconds(600), new SettingReader(SettingSource.of(Map.of())).seconds("S", 600, 1, 3600));
        assertEquals(Duration.ofSeconds(30), reader("S", "30").seconds("S", 600, 1, 3600));
        assertEquals("Invalid setting S: must be from 1 to 3600, not -5", refused(() -> reader("S", "-5").seconds("S", 600, 1, 3600)));
        refused(() -> reader("S", "10s").seconds("S", 600, 1, 3600));
    }

    @Test
    void aUrlHasAnAcceptedSchemeAndAHost() {
        assertEquals(URI.create("https://broker:15671/api"),
                reader("U", "https://broker:15671/api").url("U", "https://localhost/api", Set.of("https", "http")));
        assertEquals(URI.create("HTTP://broker/api"), reader("U", "HTTP://broker/api").url("U", "https://x", Set.of("http")));
        assertEquals(URI.create("https://localhost/api"),
                new SettingReader(SettingSource.of(Map.of())).url("U", "https://localhost/api", Set.of("https")));
        assertTrue(refused(() -> reader("U", "https://bro ker/api").url("U", "https://x", Set.of("https")))
                .startsWith("Invalid setting U: is not a URL: 'https://bro ker/api'"));
        assertEquals("Invalid setting U: must be a URL with a scheme and a host, not 'localhost:15671'",
                refused(() -> reader("U", "localhost:15671").url("U", "https://x", Set.of("https"))));
        assertEquals("Invalid setting U: must be a URL with a scheme and a host, not '/api'",
                refused(() -> reader("U", "/api").url("U", "https://x", Set.of())));
        assertEquals("Invalid setting U: must be a http, https URL, not 'ftp://broker/api'",
                refused(() -> reader("U", "ftp://broker/api").url("U", "https://x", Set.of("https", "http"))));
    }

    @Test
    void aFileMustExistAndBeReadable(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "pem");
        assertEquals(Optional.of(ca), reader("F", ca.toString()).optionalReadableFile("F"));
        assertEquals("Invalid setting F: names no readable file: " + dir.resolve("none.pem"),
                refused(() -> reader("F", dir.resolve("none.pem").toString()).optionalReadableFile("F")));
        refused(() -> reader("F", dir.toString()).optionalReadableFile("F"));
    }
}
