package io.kamea.command;

/** A command's outcome; it changes once, from PENDING. */
public enum CommandStatus {
    PENDING, SUCCEEDED, TIMED_OUT
}
