package io.kamea.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's checkout, for the tests that read its other modules and docs. */
final class SourceTree {

    private SourceTree() {
    }

    /** The folder of the parent pom: Maven runs a module's tests in the module's folder. */
    static Path root() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path root = module.getParent();
        if (root == null || !Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("kamea-ejb"))) {
            throw new IllegalStateException("Not in a Kamea checkout: " + module);
        }
        return root;
    }
}
