package io.cioconnect.bootstrap;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PostgreSQL run by this process when no {@code DATABASE_URL} is given: its data lives in
 * {@code DATA_DIR/postgres} across restarts, on the port recorded in {@code DATA_DIR/postgres.port}, and it
 * listens on loopback only.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    static EmbeddedDatabase start(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path portFile = dataDir.resolve("postgres.port");
        int port = Files.exists(portFile) ? Integer.parseInt(Files.readString(portFile).strip()) : freePort();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        Files.writeString(portFile, Integer.toString(port), StandardCharsets.US_ASCII);
        return new EmbeddedDatabase(postgres, port);
    }

    DatabaseSettings settings() {
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
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
