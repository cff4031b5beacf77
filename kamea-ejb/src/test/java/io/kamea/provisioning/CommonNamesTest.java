package io.kamea.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A common name must be one MQTT topic level and one routing key segment, without wildcards. */
class CommonNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"device-whitelisted", "boiler_42", "B0iler-42:eu", "a", "é-capteur"})
    void ordinaryNamesAreKeptAsTheyAre(String cn) {
        assertEquals(cn, CommonNames.valid(cn));
    }

    @Test
    void sixtyFourCharactersAreTheLimit() {
        assertEquals("x".repeat(64), CommonNames.valid("x".repeat(64)));
        assertThrows(InvalidRequestException.class, () -> CommonNames.valid("x".repeat(65)));
    }

    @Test
    void missingOrEmptyIsInvalid() {
        var e = assertThrows(InvalidRequestException.class, () -> CommonNames.valid(null));
        assertTrue(e.getMessage().contains("commonName is required"), e.getMessage());
        assertThrows(InvalidRequestException.class, () -> CommonNames.valid(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "/", "a+b", "+", "#", "a#", "a.b", ".", "*", "a*b"})
    void separatorsAndWildcardsAreInvalid(String cn) {
        var e = assertThrows(InvalidRequestException.class, () -> CommonNames.valid(cn));
        assertTrue(e.getMessage().contains("single MQTT topic level"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "a b", " a", "a\tb", "a\u0000b", "a\nb"})
    void spacesAndControlCharactersAreInvalid(String cn) {
        assertThrows(InvalidRequestException.class, () -> CommonNames.valid(cn));
    }
}
