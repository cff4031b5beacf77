package io.kamea.command;

/** CDI event: a message on a device's response topic was rejected, and acknowledged, for this reason. */
public record CommandResponseRejected(ResponseOutcome outcome) {
}
