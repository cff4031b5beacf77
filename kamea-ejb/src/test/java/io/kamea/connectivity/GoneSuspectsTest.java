package io.kamea.connectivity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GoneSuspectsTest {

    private final GoneSuspects suspects = new GoneSuspects();

    @Test
    void aConnectionIsGoneOnlyWhenTwoPollsInARowMissIt() {
        assertEquals(Set.of(), suspects.gone(Set.of("a", "b")), "first miss: suspects only");
        assertEquals(Set.of("a"), suspects.gone(Set.of("a", "c")), "a missed twice; b listed again");
        assertEquals(Set.of("c"), suspects.gone(Set.of("c")));
        assertEquals(Set.of(), suspects.gone(Set.of()));
        assertEquals(Set.of(), suspects.gone(Set.of("c")), "listed in between: starts over");
    }
}
