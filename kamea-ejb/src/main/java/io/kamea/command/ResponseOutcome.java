package io.kamea.command;

import java.util.Arrays;
import java.util.List;

/**
 * Every way a message on a device's response topic can end. Two settle something: an answer in
 * time ({@link #SUCCEEDED}) or after the deadline ({@link #LATE}, kept beside the outcome). All the
 * others are rejections: the message is acknowledged all the same, nothing of it is stored,
 * it is counted by reason ({@code kamea.commands.responses.rejected}) and logged once.
 */
public enum ResponseOutcome {

    SUCCEEDED(null),
    LATE(null),
    /** Not {@code device/<interface name>/command/response/<command id>}, a level empty. */
    MALFORMED_TOPIC("malformed-topic"),
    /** More than {@code KAMEA_MAX_MESSAGE_BYTES} bytes of payload. */
    TOO_LARGE("too-large"),
    /** Not UTF-8: a response is kept as text. */
    INVALID_UTF8("invalid-utf8"),
    /** A NUL byte (U+0000), which PostgreSQL text cannot hold (SQLSTATE 22021). */
    NUL_BYTE("nul-byte"),
    /** The interface name is no device's (deleted while its answer was on the way). */
    UNKNOWN_DEVICE("unknown-device"),
    /** No command has this id. */
    UNKNOWN_COMMAND("unknown-command"),
    /** The command is another device's. */
    FOREIGN_COMMAND("foreign-command"),
    /**
     * The command succeeded already: a QoS 1 redelivery, or, with several application servers
     * (each reads every response), another server settled it first. Normal then.
     */
    ALREADY_SETTLED("already-settled"),
    /** The database refused the answer as data (SQLSTATE class 22, 23 or 42): it never will take it. */
    UNSTORABLE("unstorable"),
    /** The database failed at every attempt (see {@link CommandResponses}). */
    UNAVAILABLE("unavailable");

    private final String reason;

    ResponseOutcome(String reason) {
        this.reason = reason;
    }

    public boolean rejected() {
        return reason != null;
    }

    /** The {@code reason} tag of a rejection ({@code nul-byte}...); null for an answer that settled something. */
    public String reason() {
        return reason;
    }

    /** Every rejection, for metrics that show each reason from the start. */
    public static List<ResponseOutcome> rejections() {
        return Arrays.stream(values()).filter(ResponseOutcome::rejected).toList();
    }
}
