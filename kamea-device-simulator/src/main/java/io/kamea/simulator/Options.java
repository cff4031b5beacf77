package io.kamea.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options of the form {@code --name value}; a name given without a value (or followed
 * by another option) is a flag. Unknown names are rejected by {@link #rejectUnused()}.
 */
public final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Boolean> used = new HashMap<>();

    /** Parses the arguments after the command. */
    public Options(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected an option, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            values.put(name, hasValue ? args[++i] : "true");
            used.put(name, false);
        }
    }

    /** The option's value, or the default. */
    public String text(String name, String fallback) {
        used.put(name, true);
        String value = values.get(name);
        return value != null ? value : fallback;
    }

    /** The option's value; fails if it has none. */
    public String required(String name) {
        String value = text(name, null);
        if (value == null) {
            throw new IllegalArgumentException("Missing option --" + name);
        }
        return value;
    }

    /** An integer option. */
    public int integer(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)));
    }

    /** A decimal option. */
    public double decimal(String name, double fallback) {
        return Double.parseDouble(text(name, Double.toString(fallback)));
    }

    /** A flag: true if given without value or with "true". */
    public boolean flag(String name) {
        return Boolean.parseBoolean(text(name, "false"));
    }

    /** Fails on options no one asked for (typos). */
    public void rejectUnused() {
        used.forEach((name, wasUsed) -> {
            if (!wasUsed) {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
        });
    }
}
