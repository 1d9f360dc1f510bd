package io.cioconnect.bootstrap.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The file that an {@code X_FILE} variable names, read as the value of {@code X}. */
final class ValueFile {

    /** At most this many bytes: a value, not whatever a mistaken path (/dev/zero) goes on to give. */
    static final int MAX_BYTES = 64 * 1024;

    /**
     * The file's text, or why it could not be read. The reason never holds the path: someone who put the
     * secret itself in {@code X_FILE} by mistake must not see it printed.
     */
    record Content(String text, String unreadable) {

        boolean isReadable() {
            return unreadable == null;
        }
    }

    private ValueFile() {
    }

    static Content read(String path) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length <= MAX_BYTES) {
                return new Content(new String(content, StandardCharsets.UTF_8), null);
            }
            return new Content(null, "larger than " + MAX_BYTES / 1024 + " KiB");
        } catch (IOException | InvalidPathException e) {
            return new Content(null, e.getClass().getSimpleName());
        }
    }
}
