package io.kamea.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseTextTest {

    @Test
    void utf8TextUpToTheLimitIsKeptAsSent() {
        String text = "{\"température\":\"21 °C\",\"ok\":\"✓\"}";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        ResponseText kept = ResponseText.of(bytes, bytes.length);

        assertEquals(text, kept.text());
        assertNull(kept.rejection());
        assertEquals("", ResponseText.of(new byte[0], 10).text());
    }

    @Test
    void oneByteOverTheLimitIsTooLarge() {
        assertEquals(ResponseOutcome.TOO_LARGE, ResponseText.of(new byte[11], 10).rejection());
    }

    @Test
    void malformedUtf8IsRefusedRatherThanReplaced() {
        byte[][] invalid = {
            {(byte) 0xC3, '('},                   // a lead byte without its continuation
            {(byte) 0xC0, (byte) 0x80},           // NUL in "modified UTF-8": an overlong form
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate encoded on its own
            {(byte) 0xFF},
            {'{', '"', (byte) 0xE2, (byte) 0x82},  // cut in the middle of a character
        };
        for (byte[] payload : invalid) {
            assertEquals(ResponseOutcome.INVALID_UTF8, ResponseText.of(payload, 100).rejection());
        }
    }

    @Test
    void aNulByteWhichPostgresqlTextCannotHoldIsRefused() {
        assertEquals(ResponseOutcome.NUL_BYTE, ResponseText.of("{\"a\":\"\0\"}".getBytes(StandardCharsets.UTF_8), 100)
                .rejection());
        assertEquals(ResponseOutcome.NUL_BYTE, ResponseText.of(new byte[] {0}, 100).rejection());
    }
}
