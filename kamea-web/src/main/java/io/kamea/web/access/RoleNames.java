package io.kamea.web.access;

import io.kamea.access.Role;
import io.kamea.platform.InvalidRequestException;

/** A role named in a request: viewer, operator or admin, else 400. */
public final class RoleNames {

    private RoleNames() {
    }

    public static Role parse(String name) {
        if (name == null) {
            throw new InvalidRequestException("role is required: viewer, operator or admin");
        }
        return Role.named(name).orElseThrow(() ->
                new InvalidRequestException("role must be viewer, operator or admin"));
    }
}
