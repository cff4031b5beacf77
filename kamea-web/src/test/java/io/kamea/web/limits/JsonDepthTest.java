package io.kamea.web.limits;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kamea.platform.InvalidRequestException;
import io.kamea.platform.RequestLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonDepthTest {

    @Test
    void depthAtTheLimitPassesAndOneLevelMoreIsRefused() {
        assertDoesNotThrow(() -> check(nested(32), 32));

        var e = assertThrows(InvalidRequestException.class, () -> check(nested(33), 32));

        assertEquals(400, e.status());
        assertEquals("The request body nests objects and arrays deeper than 32 levels (KAMEA_MAX_JSON_DEPTH)",
                e.getMessage());
    }

    @Test
    void objectsAndArraysCountAlike() {
        assertDoesNotThrow(() -> check("{\"a\":[{\"b\":[]}]}", 4));
        assertThrows(InvalidRequestException.class, () -> check("{\"a\":[{\"b\":[{}]}]}", 4));
    }

    @Test
    void siblingsAndBracketsInsideStringsDoNotAddUp() {
        assertDoesNotThrow(() -> check("[" + "[1],".repeat(10_000) + "[2]]", 2));
        assertDoesNotThrow(() -> check("{\"text\":\"" + "[{".repeat(10_000) + "\"}", 1));
    }

    @Test
    void aMillionLevelsAreRefused() {
        assertThrows(InvalidRequestException.class, () -> check("[".repeat(1_000_000), 32));
        assertThrows(InvalidRequestException.class, () -> check("{\"a\":".repeat(100_000), 32));
        assertThrows(InvalidRequestException.class,
                () -> check("[".repeat(1_000_000), RequestLimits.HIGHEST_MAX_JSON_DEPTH));
    }

    @Test
    void textThatIsNotJsonIsLeftForItsReaderToRefuse() {
        assertDoesNotThrow(() -> check("{\"temp\":", 32));
        assertDoesNotThrow(() -> check("name=boiler&provisioning=password", 32));
        assertDoesNotThrow(() -> check("", 32));
        // Deep before it breaks is still too deep.
        assertThrows(InvalidRequestException.class, () -> check("[".repeat(33) + "}", 32));
    }

    private static void check(String json, int maxDepth) {
        JsonDepth.check(json.getBytes(StandardCharsets.UTF_8), maxDepth);
    }

    private static String nested(int levels) {
        return "{\"a\":".repeat(levels - 1) + "[]" + "}".repeat(levels - 1);
    }
}
