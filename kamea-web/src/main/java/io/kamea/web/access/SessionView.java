package io.kamea.web.access;

import io.kamea.access.Caller;

/**
 * Who is calling: name, role, kind ({@code user}, {@code api-key}, {@code token}) and, for a
 * session, the CSRF token its state-changing calls must send in {@code X-CSRF-Token}.
 */
public record SessionView(String username, String role, String kind, String csrfToken) {

    static SessionView of(Caller caller, String csrfToken) {
        return new SessionView(caller.name(), caller.role().roleName(), caller.kind().label(), csrfToken);
    }
}
