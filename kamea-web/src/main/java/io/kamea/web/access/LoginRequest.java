package io.kamea.web.access;

/** {@code POST /api/session}. */
public record LoginRequest(String username, String password) {
}
