package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Guessing is slowed down: wrong passwords for one user, or bad keys from one address, trip a
 * limit (429 with Retry-After) during which password logins are refused, the right password too;
 * valid keys still pass. Once it is over, logins work again. Each test waits its lock out, so that
 * the tests after it are not refused.
 */
class FailedLoginLimitsIT {

    /** KAMEA_LOGIN_MAX_FAILURES_PER_USER's default. */
    private static final int PER_USER = 5;
    /** KAMEA_LOGIN_MAX_FAILURES_PER_SOURCE's default. */
    private static final int PER_SOURCE = 30;

    @Test
    void wrongPasswordsLockTheUserForAWhile() throws InterruptedException {
        String username = Devices.uniqueName("limits-user");
        Http.Reply user = Http.api("POST", "/users", "{\"username\":\"" + username + "\",\"role\":\"viewer\"}");
        assertEquals(201, user.status(), user.body());
        String password = user.json().getString("password");
        try {
            for (int i = 0; i < PER_USER; i++) {
                assertEquals(401, login(username, "wrong-password-" + i).status());
            }
            Http.Reply refused = login(username, password);
            assertEquals(429, refused.status(), "the right password during the lock: " + refused.body());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            waitOut(refused);
            assertEquals(200, login(username, password).status(), "after the lock");
        } finally {
            Http.api("DELETE", "/users/" + username, null);
        }
    }

    @Test
    void badKeysLockTheAddressForAWhile() throws InterruptedException {
        String username = Devices.uniqueName("limits-address");
        Http.Reply user = Http.api("POST", "/users", "{\"username\":\"" + username + "\",\"role\":\"viewer\"}");
        assertEquals(201, user.status(), user.body());
        String password = user.json().getString("password");
        String bad = Http.bearer("kamea_0000000000000000_" + "A".repeat(43));
        try {
            Http.Reply reply = null;
            for (int i = 0; i <= PER_SOURCE; i++) {
                reply = Http.apiAs(bad, "GET", "/devices?size=1", null);
                if (reply.status() == 429) {
                    break;
                }
                assertEquals(401, reply.status(), reply.body());
            }
            assertEquals(429, reply.status(), "after " + PER_SOURCE + " bad keys");
            Http.Reply login = login(username, password);
            assertEquals(429, login.status(), "a password login from the locked address, the right one too");
            assertEquals(200, Http.api("GET", "/devices?size=1", null).status(),
                    "a valid key passes: it cannot have been guessed");
            waitOut(login);
            assertEquals(401, Http.apiAs(bad, "GET", "/devices?size=1", null).status(), "after the lock");
            assertEquals(200, login(username, password).status(), "after the lock");
        } finally {
            Http.api("DELETE", "/users/" + username, null);
        }
    }

    private static Http.Reply login(String username, String password) {
        return Http.apiAs(null, "POST", "/session",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private static void waitOut(Http.Reply refused) throws InterruptedException {
        long seconds = Long.parseLong(refused.header("Retry-After"));
        assertTrue(seconds >= 1 && seconds <= 600, "Retry-After " + seconds);
        Thread.sleep(seconds * 1000 + 500);
    }
}
