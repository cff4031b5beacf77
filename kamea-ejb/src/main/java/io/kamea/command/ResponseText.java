package io.kamea.command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A response payload as the database can keep it: UTF-8 text without NUL. The checks run before
 * any database work, so a payload that can never be stored costs no transaction. Decoding is
 * strict: the lenient decoder of {@code new String(bytes, UTF_8)} would store U+FFFD in place of
 * what the device sent, and a NUL, valid UTF-8, made PostgreSQL refuse the whole UPDATE
 * (SQLSTATE 22021), which left the message unacknowledged before.
 */
record ResponseText(String text, ResponseOutcome rejection) {

    static ResponseText of(byte[] payload, int maxBytes) {
        if (payload.length > maxBytes) {
            return rejected(ResponseOutcome.TOO_LARGE);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            return rejected(ResponseOutcome.INVALID_UTF8);
        }
        if (text.indexOf('\0') >= 0) {
            return rejected(ResponseOutcome.NUL_BYTE);
        }
        return new ResponseText(text, null);
    }

    private static ResponseText rejected(ResponseOutcome reason) {
        return new ResponseText(null, reason);
    }

    boolean storable() {
        return rejection == null;
    }
}
