package io.kamea.web.brokerauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BrokerSecretTest {

    private final BrokerSecret secret = new BrokerSecret("0123abcd");

    @Test
    void basicPasswordIsTheSecretWhateverTheUserName() {
        assertTrue(secret.acceptsAuthorization(basic("rabbitmq:0123abcd")));
        assertTrue(secret.acceptsAuthorization(basic("anyone:0123abcd")));
        assertTrue(secret.acceptsAuthorization("basic " + encode("rabbitmq:0123abcd")), "scheme is case-insensitive");
    }

    @Test
    void anythingElseIsRefused() {
        assertFalse(secret.acceptsAuthorization(null));
        assertFalse(secret.acceptsAuthorization(""));
        assertFalse(secret.acceptsAuthorization(basic("rabbitmq:0123abce")));
        assertFalse(secret.acceptsAuthorization(basic("rabbitmq:0123abcd ")));
        assertFalse(secret.acceptsAuthorization(basic("rabbitmq:0123abc")));
        assertFalse(secret.acceptsAuthorization(basic("0123abcd")), "no user:password pair");
        assertFalse(secret.acceptsAuthorization("Bearer 0123abcd"));
        assertFalse(secret.acceptsAuthorization("Basic %%%not-base64"));
    }

    @Test
    void withoutConfiguredSecretNobodyIsAccepted() {
        for (String none : new String[] {null, "", "  "}) {
            BrokerSecret unset = new BrokerSecret(none);
            assertFalse(unset.isConfigured());
            assertFalse(unset.acceptsAuthorization(basic("rabbitmq:")));
            assertFalse(unset.acceptsAuthorization(basic("rabbitmq:" + none)));
        }
    }

    private static String basic(String credentials) {
        return "Basic " + encode(credentials);
    }

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
