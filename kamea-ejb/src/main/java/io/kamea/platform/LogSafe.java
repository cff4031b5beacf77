package io.kamea.platform;

/**
 * Makes a string a device chose (an interface name or command id taken from a topic, a broker
 * login) safe to put in a log line. A device can publish on
 * {@code device/<if>/command/response/<anything>}: an id holding a newline would forge a second
 * log line, one holding ANSI escapes or a right-to-left override would rewrite what an operator's
 * terminal shows, and one of 64 KiB (the MQTT topic limit) would bury the line. So control and
 * format characters, line and paragraph separators, private and unassigned code points, lone
 * surrogates, the backslash and the quote are escaped as Java writes them (a newline as
 * backslash-n, a NUL as backslash-u0000), and the text is cut at {@value #MAX_CHARS}
 * characters (a command id, a UUID, has 36), saying how long it was.
 */
public final class LogSafe {

    static final int MAX_CHARS = 80;

    private LogSafe() {
    }

    /** {@code 'text'}, escaped and cut as the class says; {@code null} for null. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        int end = Math.min(text.length(), MAX_CHARS);
        StringBuilder quoted = new StringBuilder(end + 16).append('\'');
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i);
                if (isUnsafe(codePoint) || i + 1 >= end) {
                    // a pair split by the cut, or an invisible code point: shown, not kept
                    escape(quoted, c);
                    escape(quoted, text.charAt(i + 1));
                } else {
                    quoted.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (c == '\\' || c == '\'' || isUnsafe(c)) {
                escape(quoted, c);
            } else {
                quoted.append(c);
            }
        }
        quoted.append('\'');
        if (text.length() > MAX_CHARS) {
            quoted.append("... (").append(text.length()).append(" chars)");
        }
        return quoted.toString();
    }

    private static boolean isUnsafe(int codePoint) {
        if (Character.isISOControl(codePoint) || codePoint <= 0xFFFF && Character.isSurrogate((char) codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            case '\'' -> out.append("\\'");
            default -> out.append(String.format("\\u%04x", (int) c));
        }
    }
}
