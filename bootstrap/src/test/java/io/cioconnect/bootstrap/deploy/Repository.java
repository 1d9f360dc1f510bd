package io.cioconnect.bootstrap.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository these tests run in: its root (where the Dockerfile is) and its files as text. */
final class Repository {

    private Repository() {
    }

    /** The repository root, found upwards from the working directory (Maven runs module tests in the module). */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Dockerfile")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("bootstrap"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a directory with Dockerfile, pom.xml and bootstrap/) above "
                + Path.of("").toAbsolutePath());
    }

    /** The text of a file, by its path from the repository root; a clear failure when it is missing. */
    static String read(String relativePath) {
        Path file = root().resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(relativePath + " is missing from the repository (looked at " + file + ")");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
