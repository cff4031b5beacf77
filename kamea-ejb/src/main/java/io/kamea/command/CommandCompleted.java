package io.kamea.command;

/** CDI event: a command succeeded or timed out (fired in the transaction that recorded it). */
public record CommandCompleted(String commandId, CommandStatus status) {
}
