package io.kamea.provisioning.bans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kamea.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private static final String HEX = "5b7929b2c7a1f0e3d4c5b6a79880716253443526170809fa0b1c2d3e4f506175";
    private static final String PAIRS = "5B:79:29:B2:C7:A1:F0:E3:D4:C5:B6:A7:98:80:71:62:53:44:35:26:17:08:09:FA:"
            + "0B:1C:2D:3E:4F:50:61:75";

    @Test
    void bothWrittenFormsBecomeLowerCaseHexAsTheBrokerCompares() {
        assertEquals(HEX, Fingerprints.normalised(HEX));
        assertEquals(HEX, Fingerprints.normalised(HEX.toUpperCase()));
        assertEquals(HEX, Fingerprints.normalised(PAIRS));
        assertEquals(HEX, Fingerprints.normalised("  " + PAIRS.toLowerCase() + "\n"));
    }

    @Test
    void theColonFormIsWhatKameaShowsForASelfSignedDevice() {
        assertEquals(PAIRS, Fingerprints.withColons(HEX));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {null, "", "  ", HEX.substring(2), HEX + "00", HEX.replace('5', 'g'),
                PAIRS.replace(":", "-"), PAIRS.substring(3), "sha256 Fingerprint=" + PAIRS, HEX.substring(0, 62) + ":75",
                PAIRS.replaceFirst(":", ""), "SHA-1"}) {
            assertThrows(InvalidRequestException.class, () -> Fingerprints.normalised(bad), String.valueOf(bad));
        }
    }
}
