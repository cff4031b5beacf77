package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Built-in users made by a test through the API, as this stack's admin. */
final class TestUsers {

    record User(String username, String password) {

        void delete() {
            Http.api("DELETE", "/users/" + username, null);
        }
    }

    private TestUsers() {
    }

    /** A new user named {@code prefix-<random>} with {@code role}, and the password the API generated. */
    static User make(String prefix, String role) {
        String username = Devices.uniqueName(prefix);
        Http.Reply reply = Http.api("POST", "/users", "{\"username\":\"" + username + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return new User(username, reply.json().getString("password"));
    }

    /** POST /api/session without any other credential. */
    static Http.Reply login(String username, String password) {
        return Http.apiAs(null, "POST", "/session",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }
}
