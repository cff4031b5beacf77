package io.kamea.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source, as written (escapes not decoded), with the line each
 * starts on: comments, character literals and text blocks are told apart from strings, so a
 * quote in a comment or {@code '"'} does not throw the reading off.
 */
final class JavaStrings {

    /** A string literal and the line it starts on. */
    record Literal(int line, String text) {
    }

    private JavaStrings() {
    }

    static List<Literal> in(String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = closing(source, i + 3, "\"\"\"");
                literals.add(new Literal(line, source.substring(i + 3, Math.min(end, n))));
                end = Math.min(end + 3, n);
                line += count(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = closing(source, i + 1, String.valueOf(c));
                if (c == '"') {
                    literals.add(new Literal(line, source.substring(i + 1, Math.min(end, n))));
                }
                i = Math.min(end + 1, n);
            } else {
                i++;
            }
        }
        return literals;
    }

    /** Where {@code quote} closes what starts at {@code from}, skipping backslash escapes. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length() && !source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
