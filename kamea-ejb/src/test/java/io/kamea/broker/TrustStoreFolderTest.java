package io.kamea.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreFolderTest {

    @TempDir
    Path runtime;

    @Test
    void writesOneFilePerDeviceAndNothingElseInTheFolder() throws IOException {
        TrustStoreFolder folder = folder(runtime.resolve("trust-store"));

        folder.place("boiler-42", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        folder.place("boiler-42", "-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n");

        assertEquals(List.of("device-boiler-42.pem"), names(runtime.resolve("trust-store")));
        assertTrue(Files.readString(runtime.resolve("trust-store/device-boiler-42.pem")).contains("BBBB"));
        assertEquals(List.of(), names(runtime.resolve(".trust-store.staging")), "no temporary file left");
    }

    @Test
    void removesTheFileOfTheDeviceOnly() throws IOException {
        Path path = runtime.resolve("trust-store");
        TrustStoreFolder folder = folder(path);
        folder.place("a", "pem a");
        folder.place("b", "pem b");
        Files.writeString(path.resolve("whitelisted-ca.pem"), "a CA");

        folder.remove("a");
        folder.remove("never-there");

        assertEquals(List.of("device-b.pem", "whitelisted-ca.pem"), names(path));
    }

    @Test
    void refusesNamesThatWouldLeaveTheFolder() {
        Path path = runtime.resolve("trust-store");
        assertThrows(IllegalArgumentException.class, () -> TrustStoreFolder.file(path, "../x"));
        assertThrows(IllegalArgumentException.class, () -> TrustStoreFolder.file(path, ""));
        assertThrows(IllegalArgumentException.class, () -> TrustStoreFolder.file(path, "\u00e9".repeat(124)));
        assertFalse(TrustStoreFolder.file(path, "ok").toString().contains(".."));
    }

    @Test
    void withoutAFolderNothingCanBeWhitelisted() {
        TrustStoreFolder folder = new TrustStoreFolder();
        folder.path = Optional.empty();
        assertThrows(BrokerUnavailableException.class, () -> folder.place("a", "pem"));
    }

    private static TrustStoreFolder folder(Path path) {
        TrustStoreFolder folder = new TrustStoreFolder();
        folder.path = Optional.of(path.toString());
        folder.refreshSeconds = 5;
        return folder;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
