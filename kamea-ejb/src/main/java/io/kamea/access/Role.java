package io.kamea.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three roles, each with the rights of the one before it: a viewer reads everything but
 * secrets, an operator also configures and commands devices and approves pending ones, an admin
 * also provisions, deletes, disables and bans devices and manages users, API keys and the audit.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** The names used in {@code @RolesAllowed}, in documents and in the database. */
    public static final String VIEWER_NAME = "viewer";
    public static final String OPERATOR_NAME = "operator";
    public static final String ADMIN_NAME = "admin";

    /** Lower case, as {@code @RolesAllowed} and the API spell it. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The groups a caller with this role is given: its own and those of every role below it, so
     * that {@code @RolesAllowed("viewer")} admits operators and admins too.
     */
    public List<String> groups() {
        return Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal()).map(Role::roleName).toList();
    }

    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.roleName().equals(name)).findFirst();
    }
}
