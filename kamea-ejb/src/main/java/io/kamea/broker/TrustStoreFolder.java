package io.kamea.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The folder the broker's trust store plugin (rabbitmq_trust_store) whitelists certificates from:
 * one file per self-signed device, {@code device-<interface name>.pem}. The plugin lists the
 * folder every {@link #refreshInterval() refresh interval} and reads every file it lists, and a
 * whole refresh fails if a listed file is half written or vanishes before it is read; so a file
 * is written beside the folder and moved in, never written in place.
 */
@ApplicationScoped
public class TrustStoreFolder {

    private static final Logger LOG = Logger.getLogger(TrustStoreFolder.class.getName());

    /** Device files are recognised by this prefix (server-config keeps them out of the CA bundle). */
    public static final String DEVICE_FILE_PREFIX = "device-";

    /** Longest file name most file systems take (bytes). */
    private static final int MAX_FILE_NAME_BYTES = 255;

    @Inject
    @ConfigProperty(name = "RMQ_TRUST_STORE_PATH")
    Optional<String> path;

    @Inject
    @ConfigProperty(name = "RMQ_TRUST_STORE_REFRESH_SECONDS", defaultValue = "5")
    int refreshSeconds;

    /** How often the broker re-reads the folder (trust_store.refresh_interval, the same key; at least 1 s). */
    public Duration refreshInterval() {
        return Duration.ofSeconds(Math.max(1, refreshSeconds));
    }

    /** Whitelists the certificate of the device with this interface name (replaces an older file). */
    public void place(String interfaceName, String pem) {
        Path folder = folder();
        Path target = file(folder, interfaceName);
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(staging(folder), ".kamea-" + DEVICE_FILE_PREFIX, ".pem.tmp");
            try {
                Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
                readableByAll(temporary);
                moveAtomically(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + " into the broker's trust store", e);
        }
    }

    /** Takes the device's certificate off the whitelist; nothing happens if it is not there. */
    public void remove(String interfaceName) {
        Path target = file(folder(), interfaceName);
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + target + " from the broker's trust store", e);
        }
    }

    /** Best effort, for undoing a provisioning that did not commit. */
    public void removeQuietly(String interfaceName) {
        try {
            remove(interfaceName);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not remove the trust store file of " + interfaceName + ": " + e.getMessage());
        }
    }

    /** Best effort, for undoing a removal that did not commit. */
    public void placeQuietly(String interfaceName, String pem) {
        try {
            place(interfaceName, pem);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not put back the trust store file of " + interfaceName + ": " + e.getMessage());
        }
    }

    /** The file of a device; interface names are single path segments (see CommonNames). */
    static Path file(Path folder, String interfaceName) {
        String name = DEVICE_FILE_PREFIX + interfaceName + ".pem";
        if (interfaceName.isEmpty() || interfaceName.contains("/") || interfaceName.contains("\0")
                || interfaceName.startsWith(".") || name.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_NAME_BYTES) {
            throw new IllegalArgumentException("Not usable in a trust store file name: " + interfaceName);
        }
        return folder.resolve(name);
    }

    private Path folder() {
        return Path.of(path.filter(p -> !p.isBlank()).orElseThrow(() -> new BrokerUnavailableException(
                "RMQ_TRUST_STORE_PATH is not set: self-signed certificates cannot be whitelisted", null)));
    }

    /**
     * Beside the folder (same file system, so the move is atomic), not in it: the plugin would list
     * a temporary file, then fail its whole refresh when the file is gone before it reads it.
     */
    private static Path staging(Path folder) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        Path staging = parent == null ? folder : parent.resolve("." + folder.getFileName() + ".staging");
        Files.createDirectories(staging);
        return staging;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The trust store folder and its staging folder " + from.getParent()
                    + " are not on the same file system", e);
        }
    }

    /** The broker may run as another user than the application server. */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its default permissions apply
        }
    }
}
