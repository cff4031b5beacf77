package io.kamea.web.brokerauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrokerSecretFilterTest {

    @Test
    void guardsEverythingUnderBrokerAuthAndNothingElse() {
        for (String path : new String[] {"broker-auth", "/broker-auth", "broker-auth/user", "/broker-auth/topic",
                "broker-auth/nothing-here", "broker-auth//user"}) {
            assertTrue(BrokerSecretFilter.isBrokerCallback(path), path);
        }
        for (String path : new String[] {"devices", "/devices/x/approve", "broker-authority", "", "/"}) {
            assertFalse(BrokerSecretFilter.isBrokerCallback(path), path);
        }
    }
}
