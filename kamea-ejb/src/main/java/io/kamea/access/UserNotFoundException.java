package io.kamea.access;

import io.kamea.platform.KameaException;

public class UserNotFoundException extends KameaException {

    public UserNotFoundException(String username) {
        super(404, "User not found", "No user named '" + username + "'");
    }
}
