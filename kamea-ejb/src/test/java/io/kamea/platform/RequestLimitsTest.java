package io.kamea.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    private final RequestLimits limits = RequestLimits.defaults();

    @Test
    void defaultsAreTheDocumentedNumbers() {
        assertEquals(65536, limits.maxRequestBytes());
        assertEquals(32768, limits.maxConfigurationBytes());
        assertEquals(131072, limits.maxCommandBytes());
        assertEquals(16384, limits.maxCertificateBytes());
        assertEquals(32, limits.maxJsonDepth());
    }

    @Test
    void aValueThatIsNotPositiveIsRefusedNamingItsKey() {
        var e = assertThrows(IllegalStateException.class, () -> new RequestLimits(65536, 0, 131072, 16384, 32));
        assertTrue(e.getMessage().contains("KAMEA_MAX_CONFIGURATION_BYTES"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> new RequestLimits(65536, 32768, 131072, 16384, -1));
        assertTrue(e.getMessage().contains("KAMEA_MAX_JSON_DEPTH"), e.getMessage());
    }

    @Test
    void jsonDepthStaysBelowWhereTheParserRefusesOnItsOwn() {
        new RequestLimits(65536, 32768, 131072, 16384, 500);
        var e = assertThrows(IllegalStateException.class, () -> new RequestLimits(65536, 32768, 131072, 16384, 1000));
        assertEquals("Invalid setting KAMEA_MAX_JSON_DEPTH: must be from 1 to 500, not 1000", e.getMessage());
    }

    @Test
    void aFieldAtItsLimitPassesAndOneByteMoreIsContentTooLarge() {
        assertDoesNotThrow(() -> limits.checkConfiguration("x".repeat(32768)));

        var e = assertThrows(ContentTooLargeException.class, () -> limits.checkConfiguration("x".repeat(32769)));

        assertEquals(413, e.status());
        assertEquals("The desired configuration is larger than its limit of 32768 bytes (KAMEA_MAX_CONFIGURATION_BYTES)",
                e.getMessage());
        assertThrows(ContentTooLargeException.class, () -> limits.checkCommandPayload("x".repeat(131073)));
        assertThrows(ContentTooLargeException.class, () -> limits.checkCertificate("x".repeat(16385)));
    }

    @Test
    void fieldsAreMeasuredInUtf8Bytes() {
        // 16384 characters, but 'é' takes two bytes and '😀' four.
        assertThrows(ContentTooLargeException.class, () -> limits.checkCertificate("é".repeat(8193)));
        assertDoesNotThrow(() -> limits.checkCertificate("é".repeat(8192)));
        assertEquals(8, RequestLimits.utf8Length("😀😀", 100));
        assertEquals(6, RequestLimits.utf8Length("€€", 100));
    }

    @Test
    void absentFieldsHaveNothingToMeasure() {
        assertDoesNotThrow(() -> limits.checkCommandPayload(null));
        assertDoesNotThrow(() -> limits.checkCertificate(null));
    }
}
