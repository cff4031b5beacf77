package io.kamea.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void anOrdinaryNameIsOnlyQuoted() {
        assertEquals("'pump-7c2e'", LogSafe.quote("pump-7c2e"));
        assertEquals("'a61a6a71-0c1e-4b6f-9d5e-3f0e2c8b7a10'", LogSafe.quote("a61a6a71-0c1e-4b6f-9d5e-3f0e2c8b7a10"));
        assertEquals("'température ✓ 😀'", LogSafe.quote("température ✓ 😀"));
        assertEquals("null", LogSafe.quote(null));
    }

    @Test
    void aForgedLogLineStaysOnTheSameLine() {
        String forged = LogSafe.quote("x\nSEVERE: database dropped\r\n");

        assertEquals("'x\\nSEVERE: database dropped\\r\\n'", forged);
        assertFalse(forged.contains("\n") || forged.contains("\r"));
    }

    @Test
    void controlFormatAndSeparatorCharactersAreShownEscaped() {
        assertEquals("'\\u0000\\u001b[31m\\t\\u007f'", LogSafe.quote("\0\u001b[31m\t\u007f"));
        // a right-to-left override, a zero-width space, Unicode's own line and paragraph separators
        assertEquals("'a\\u202eb\\u200bc\\u2028d\\u2029'", LogSafe.quote("a\u202eb\u200bc\u2028d\u2029"));
        // a lone surrogate (what a device's invalid UTF-16 would leave), the quote, the backslash
        assertEquals("'\\ud800 \\' \\\\'", LogSafe.quote("\ud800 ' \\"));
    }

    @Test
    void aLongStringIsCutAtEightyCharactersSayingHowLongItWas() {
        String quoted = LogSafe.quote("x".repeat(65_000));

        assertEquals("'" + "x".repeat(80) + "'... (65000 chars)", quoted);
    }

    @Test
    void nothingUnsafeSurvivesWhateverTheInput() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            every.append(c);
        }
        for (int start = 0; start < every.length(); start += 80) {
            String quoted = LogSafe.quote(every.substring(start, Math.min(every.length(), start + 80)));
            assertTrue(quoted.chars().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029'), quoted);
        }
    }
}
