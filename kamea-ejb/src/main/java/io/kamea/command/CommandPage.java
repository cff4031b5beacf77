package io.kamea.command;

import java.util.List;

/** One page of a device's commands, newest first. */
public record CommandPage(List<Command> items, int page, int size, long total) {
}
