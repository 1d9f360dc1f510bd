package io.cioconnect.bootstrap;

import io.cioconnect.bootstrap.config.EnvironmentReader;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.Variable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code dev} command's generated secrets, kept in {@code DATA_DIR/dev-secrets.properties} (owner-only)
 * so that stored credentials stay readable and the API key stays the same across restarts.
 */
final class DevSecrets {

    static final String FILE_NAME = "dev-secrets.properties";
    static final String DEV_KEY_NAME = "dev";

    private DevSecrets() {
    }

    /**
     * The environment with {@code ENCRYPTION_KEYS} and {@code API_KEYS} filled in where neither they nor their
     * {@code _FILE} twins are given; unchanged when {@code DATA_DIR} is not a usable path (reading the
     * configuration then says so).
     */
    static Map<String, String> overlay(Map<String, String> environment) throws IOException {
        EnvironmentReader env = new EnvironmentReader(environment, Mode.DEV);
        Path dataDir;
        try {
            dataDir = Path.of(env.text(Variable.DATA_DIR).orElseThrow());
        } catch (InvalidPathException e) {
            return environment;
        }
        Properties secrets = loadOrCreate(dataDir.resolve(FILE_NAME));
        Map<String, String> result = new HashMap<>(environment);
        if (!env.isGiven(Variable.ENCRYPTION_KEYS)) {
            result.put(Variable.ENCRYPTION_KEYS.name(), secrets.getProperty("ENCRYPTION_KEYS"));
        }
        if (usesGeneratedApiKey(environment)) {
            result.put(Variable.API_KEYS.name(), DEV_KEY_NAME + ":" + secrets.getProperty("API_KEY"));
        }
        return result;
    }

    /** True when {@code dev} serves the generated API key: neither {@code API_KEYS} nor {@code API_KEYS_FILE} is given. */
    static boolean usesGeneratedApiKey(Map<String, String> environment) {
        return !new EnvironmentReader(environment, Mode.DEV).isGiven(Variable.API_KEYS);
    }

    /** The generated API key secret, for the start-up banner. */
    static String apiKey(Path dataDir) throws IOException {
        return loadOrCreate(dataDir.resolve(FILE_NAME)).getProperty("API_KEY");
    }

    private static Properties loadOrCreate(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.load(reader);
            }
            return secrets;
        }
        Files.createDirectories(file.getParent());
        secrets.setProperty("ENCRYPTION_KEYS", EncryptionKeyGenerator.newEntry());
        secrets.setProperty("API_KEY", EncryptionKeyGenerator.newApiSecret());
        Path temporary = Files.createTempFile(file.getParent(), "dev-secrets", ".tmp");
        restrictToOwner(temporary);
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            secrets.store(writer, "cio-connect dev secrets: for local use only");
        }
        Files.move(temporary, file);
        return secrets;
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's own protection applies
        }
    }
}
