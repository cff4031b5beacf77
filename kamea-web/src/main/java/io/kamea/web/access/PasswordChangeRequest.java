package io.kamea.web.access;

/** {@code PUT /api/session/password}. */
public record PasswordChangeRequest(String currentPassword, String newPassword) {
}
