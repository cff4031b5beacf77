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
        var user = TestUsers.make("limits-user", "viewer");
        String username = user.username();
        String password = user.password();
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
            user.delete();
        }
    }

    @Test
    void badKeysLockTheAddressForAWhile() throws InterruptedException {
        var user = TestUsers.make("limits-address", "viewer");
        String username = user.username();
        String password = user.password();
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
            user.delete();
        }
    }

    private static Http.Reply login(String username, String password) {
        return TestUsers.login(username, password);
    }

    private static void waitOut(Http.Reply refused) throws InterruptedException {
        long seconds = Long.parseLong(refused.header("Retry-After"));
        assertTrue(seconds >= 1 && seconds <= 600, "Retry-After " + seconds);
        Thread.sleep(seconds * 1000 + 500);
    }
}
