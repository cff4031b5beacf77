package io.kamea.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bus's subscribers read docs/bus.md: the names there and here are the same. */
class BusHeadersTest {

    private static final Path BUS_DOC = SourceTree.root().resolve("docs/bus.md");

    @Test
    void theDocumentedPropertiesAreTheOnesTheIngestionSets() throws IOException {
        Matcher rows = Pattern.compile("(?m)^\\| `(kamea_[a-z_]+)` \\|").matcher(Files.readString(BUS_DOC));
        List<String> documented = rows.results().map(r -> r.group(1)).toList();

        assertEquals(BusHeaders.names(), documented);
    }

    @Test
    void theDocumentedKindsAreTheOnesTheIngestionSets() throws IOException {
        String kindRow = Files.readString(BUS_DOC).lines().filter(l -> l.startsWith("| `" + BusHeaders.KIND + "`"))
                .findFirst().orElseThrow();

        assertTrue(kindRow.contains("`" + BusHeaders.TELEMETRY + "` or `" + BusHeaders.REPORTED_CONFIGURATION + "`"), kindRow);
    }
}
