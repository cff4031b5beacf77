package io.kamea.web.access.users;

/** {@code POST /api/users}: a name and a role; the password is generated. */
public record UserRequest(String username, String role) {
}
