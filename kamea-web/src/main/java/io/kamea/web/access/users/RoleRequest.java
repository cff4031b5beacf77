package io.kamea.web.access.users;

/** {@code PUT /api/users/{username}/role}. */
public record RoleRequest(String role) {
}
