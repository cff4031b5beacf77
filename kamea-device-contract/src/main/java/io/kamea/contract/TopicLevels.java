package io.kamea.contract;

import java.util.regex.Pattern;

/** Splitting a topic name into its levels, for the parsers of this package. */
final class TopicLevels {

    private TopicLevels() {
    }

    /**
     * The levels of {@code topic}, empty ones included; an empty array for null. A topic of
     * {@code n} separators always has {@code n + 1} levels, so a missing or extra level shows.
     */
    static String[] of(String topic, char separator) {
        return topic == null ? new String[0] : topic.split(Pattern.quote(String.valueOf(separator)), -1);
    }

    /**
     * Whether a level taken from a topic names something: not empty, and no wildcard (a topic
     * that was published on holds none; a filter is no name).
     */
    static boolean isName(String level) {
        return !level.isEmpty() && level.indexOf('+') < 0 && level.indexOf('#') < 0;
    }
}
