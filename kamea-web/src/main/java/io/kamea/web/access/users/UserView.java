package io.kamea.web.access.users;

import io.kamea.access.OperatorUser;

/** A built-in user; {@code password} only in the answer that made it. */
public record UserView(String username, String role, String createdAt, String passwordChangedAt, String password) {

    static UserView of(OperatorUser user, String password) {
        return new UserView(user.getUsername(), user.getRole().roleName(), user.getCreatedAt().toInstant().toString(),
                user.getPasswordChangedAt().toInstant().toString(), password);
    }
}
