package io.cioconnect.bootstrap;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * PostgreSQL run by this process when no {@code DATABASE_URL} is given: its data lives in
 * {@code DATA_DIR/postgres} across restarts, on the port recorded in {@code DATA_DIR/postgres.port}, and it
 * listens on loopback only. Durable unless told otherwise: the embedded library starts PostgreSQL with
 * {@code fsync} and {@code synchronous_commit} off, which a host crash turns into lost or corrupt credentials.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final List<String> DURABILITY_SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** Starts it; {@code durable} turns {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on. */
    static EmbeddedDatabase start(Path dataDir, boolean durable) throws IOException {
        Files.createDirectories(dataDir);
        Path portFile = dataDir.resolve("postgres.port");
        int port = Files.exists(portFile) ? Integer.parseInt(Files.readString(portFile).strip()) : freePort();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1");
        // The library passes -F (fsync off) first; a later -c setting wins.
        String onOrOff = durable ? "on" : "off";
        for (String setting : DURABILITY_SETTINGS) {
            builder.setServerConfig(setting, onOrOff);
        }
        EmbeddedPostgres postgres = builder.start();
        Files.writeString(portFile, Integer.toString(port), StandardCharsets.US_ASCII);
        return new EmbeddedDatabase(postgres, port);
    }

    DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null, poolSize);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
