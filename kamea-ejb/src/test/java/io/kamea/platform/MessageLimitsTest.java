package io.kamea.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageLimitsTest {

    private final MessageLimits limits = new MessageLimits(131_072);

    @Test
    void theLimitItselfFitsOneByteMoreDoesNot() {
        assertFalse(limits.tooLarge(131_072));
        assertTrue(limits.tooLarge(131_073));
    }

    @Test
    void aMessageTheApiMustNotPublishIsAnInvalidRequestNamingTheSetting() {
        limits.requireFits("The message to device/a/configs/desired", 131_072);

        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> limits.requireFits("The message to device/a/configs/desired", 200_000));
        assertEquals(400, refused.status());
        assertEquals("The message to device/a/configs/desired is 200000 bytes, more than the 131072 of "
                + "KAMEA_MAX_MESSAGE_BYTES", refused.getMessage());
    }

    @Test
    void theLimitIsFromOneByteToTheBrokersCeiling() {
        assertEquals(536_870_912, new MessageLimits(536_870_912).maxMessageBytes());
        assertEquals("Invalid setting KAMEA_MAX_MESSAGE_BYTES: must be from 1 to 536870912, not 0",
                assertThrows(IllegalStateException.class, () -> new MessageLimits(0)).getMessage());
        assertThrows(IllegalStateException.class, () -> new MessageLimits(536_870_913));
    }
}
