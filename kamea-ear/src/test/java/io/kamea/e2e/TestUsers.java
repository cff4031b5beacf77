package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** A logged-in UI session: its cookie ({@code KAMEA_SESSION=…}) and CSRF token. */
    record Session(String cookie, String csrfToken) {

        Http.Reply call(String method, String path, String body) {
            return Http.apiInSession(cookie, csrfToken, method, path, body);
        }
    }

    /** Logs in, as the UI does. */
    static Session session(String username, String password) {
        Http.Reply reply = login(username, password);
        assertEquals(200, reply.status(), reply.body());
        String cookie = reply.header("Set-Cookie").split(";", 2)[0];
        assertTrue(cookie.startsWith("KAMEA_SESSION="), "the login sets the session cookie: " + cookie);
        return new Session(cookie, reply.json().getString("csrfToken"));
    }

    /** POST /api/session without any other credential. */
    static Http.Reply login(String username, String password) {
        return Http.apiAs(null, "POST", "/session",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }
}
