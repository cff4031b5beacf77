package io.kamea.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecentApiKeysTest {

    private static final String KEY = ApiKeySecrets.key("abcdefghijklmnop", ApiKeySecrets.newSecret());
    private static final Caller CALLER = new Caller("abcdefghijklmnop", Caller.Kind.API_KEY, Role.OPERATOR);

    private final AtomicLong nanos = new AtomicLong();
    private final RecentApiKeys recent = new RecentApiKeys(nanos::get);

    @BeforeEach
    void database() {
        recent.keys = mock(ApiKeys.class);
        when(recent.keys.authenticate(KEY)).thenReturn(Optional.of(CALLER));
    }

    @Test
    void aKeyIsReadFromTheDatabaseAtMostOnceASecond() {
        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.of(CALLER), recent.authenticate(KEY));
            nanos.addAndGet(5_000_000);
        }
        verify(recent.keys, times(1)).authenticate(KEY);
        nanos.addAndGet(500_000_000);
        recent.authenticate(KEY);
        verify(recent.keys, times(2)).authenticate(KEY);
    }

    @Test
    void aKeyRevokedHereIsRefusedAtOnceAndElsewhereWithinASecond() {
        recent.authenticate(KEY);
        when(recent.keys.authenticate(KEY)).thenReturn(Optional.empty());
        recent.forget(CALLER.name());
        assertTrue(recent.authenticate(KEY).isEmpty(), "revoked on this server");

        when(recent.keys.authenticate(KEY)).thenReturn(Optional.of(CALLER));
        recent.authenticate(KEY);
        when(recent.keys.authenticate(KEY)).thenReturn(Optional.empty());
        nanos.addAndGet(RecentApiKeys.FRESHNESS_NANOS);
        assertTrue(recent.authenticate(KEY).isEmpty(), "revoked on another server, a second later");
    }

    @Test
    void aWrongKeyIsNeverTakenFromMemory() {
        String wrong = KEY.substring(0, KEY.length() - 1) + (KEY.endsWith("A") ? "B" : "A");
        when(recent.keys.authenticate(wrong)).thenReturn(Optional.empty());
        recent.authenticate(KEY);
        assertTrue(recent.authenticate(wrong).isEmpty());
        assertTrue(recent.authenticate("not a key").isEmpty());
        verify(recent.keys, times(1)).authenticate(wrong);
    }
}
