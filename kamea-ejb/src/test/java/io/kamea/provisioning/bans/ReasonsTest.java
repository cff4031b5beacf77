package io.kamea.provisioning.bans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kamea.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    @Test
    void aReasonIsKeptStripped() {
        assertEquals("key leaked on a forum", Reasons.valid("  key leaked on a forum "));
        assertEquals("é".repeat(500), Reasons.valid("é".repeat(500)));
    }

    @Test
    void aMissingOverlongOrMultiLineReasonIsRefused() {
        for (String bad : new String[] {null, "", " \t", "x".repeat(501), "line\nINFO: forged log line", "bell\u0007"}) {
            assertThrows(InvalidRequestException.class, () -> Reasons.valid(bad), String.valueOf(bad));
        }
    }
}
