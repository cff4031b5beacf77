package io.kamea.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The simulated telemetry: a JSON object of a fixed size in bytes,
 * {@code {"run":"<run id>","ts":<send time, epoch µs>,"seq":<n>,"pad":"xx…"}}. The run id lets a
 * receiver ignore what other clients send to the same queue or topic; the timestamp gives the
 * latency (publishers and receivers run on the same clock).
 */
public final class Payload {

    private static final byte[] TS_KEY = "\"ts\":".getBytes(StandardCharsets.US_ASCII);

    private final byte[] prefix;
    private final int size;

    /** @param runId short id without quotes; @param size total bytes of each payload */
    public Payload(String runId, int size) {
        this.prefix = ("{\"run\":\"" + runId + "\",").getBytes(StandardCharsets.US_ASCII);
        this.size = size;
        if (encode(Long.MAX_VALUE / 1000, Long.MAX_VALUE).length > size) {
            throw new IllegalArgumentException("payload size " + size + " is too small (run id " + runId + ")");
        }
    }

    /** Now, in microseconds since the epoch. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** A payload of exactly {@code size} bytes stamped with the send time. */
    public byte[] encode(long sentMicros, long sequence) {
        String head = new String(prefix, StandardCharsets.US_ASCII) + "\"ts\":" + sentMicros + ",\"seq\":" + sequence
                + ",\"pad\":\"";
        int padding = size - head.length() - 2;
        if (padding < 0) {
            return (head + "\"}").getBytes(StandardCharsets.US_ASCII);
        }
        byte[] bytes = new byte[size];
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        Arrays.fill(bytes, headBytes.length, headBytes.length + padding, (byte) 'x');
        bytes[size - 2] = '"';
        bytes[size - 1] = '}';
        return bytes;
    }

    /** True if the payload was sent by this run. */
    public boolean isOurs(byte[] payload) {
        if (payload.length < prefix.length) {
            return false;
        }
        return Arrays.equals(payload, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The send time in the payload (epoch µs), or -1 if it has none. */
    public static long sentMicros(byte[] payload) {
        int at = indexOf(payload, TS_KEY);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        int digits = 0;
        for (int i = at + TS_KEY.length; i < payload.length && payload[i] >= '0' && payload[i] <= '9'; i++) {
            value = value * 10 + (payload[i] - '0');
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
