package io.kamea.command;

import io.kamea.platform.KameaException;

public class CommandNotFoundException extends KameaException {

    public CommandNotFoundException(String id) {
        super(404, "Command not found", "No command with id " + id);
    }
}
