package io.kamea.platform;

/**
 * Device-chosen strings (client ids, topic levels, command ids) as they may appear in a log line:
 * quoted, control characters escaped, cut at {@value #MAX_LENGTH} characters, so that a device
 * cannot forge log lines or flood them.
 */
public final class LogSafe {

    static final int MAX_LENGTH = 80;

    private LogSafe() {
    }

    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_LENGTH) + 2).append('\'');
        int end = Math.min(value.length(), MAX_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (value.length() > MAX_LENGTH) {
            out.append("...(").append(value.length()).append(" chars)");
        }
        return out.toString();
    }
}
