package io.kamea.access;

import io.kamea.platform.KameaException;

/** The user exists already, or the change would leave no admin to manage access. */
public class UserConflictException extends KameaException {

    UserConflictException(String title, String detail) {
        super(409, title, detail);
    }

    static UserConflictException exists(String username) {
        return new UserConflictException("User already exists", "A user named '" + username + "' already exists");
    }

    static UserConflictException lastAdmin() {
        return new UserConflictException("Last admin",
                "This is the last admin: make another user admin first, or nobody could manage access");
    }
}
