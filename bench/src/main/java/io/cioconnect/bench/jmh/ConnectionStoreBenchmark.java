package io.cioconnect.bench.jmh;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.cioconnect.adapter.persistence.PostgresPersistence;
import io.cioconnect.adapter.persistence.crypto.KeyRing;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The read behind every {@code access-token} call: {@code ConnectionStore.findById} through the PostgreSQL
 * adapter (pool, JDBI, row mapping, two decryptions) from an embedded PostgreSQL on loopback. One thread,
 * so the time is the adapter's cost plus one round trip, without queueing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConnectionStoreBenchmark {

    private static final int CONNECTIONS = 1000;

    private EmbeddedPostgres postgres;
    private PostgresPersistence persistence;
    private ConnectionStore store;
    private final List<ConnectionId> ids = new ArrayList<>();
    private java.sql.Connection jdbc;
    private PreparedStatement select;

    @Setup
    public void setUp() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        persistence = PostgresPersistence.create(
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", null),
                KeyRing.parse("bench-key:" + Base64.getEncoder().encodeToString(key)));
        persistence.migrate();
        store = persistence.connections();
        Instant now = Instant.now();
        for (int i = 0; i < CONNECTIONS; i++) {
            TokenSet tokens = new TokenSet(new AccessToken("at-" + UUID.randomUUID()), new RefreshToken("rt-" + UUID.randomUUID()),
                    TokenType.BEARER, now.plus(Duration.ofHours(1)), Scopes.parse("read"));
            ids.add(store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()), new Owner("owner-" + i),
                    new ProviderId("benchidp"), tokens, now), replaced -> Optional.empty()).id());
        }
        jdbc = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", null);
        select = jdbc.prepareStatement("SELECT * FROM connections WHERE id = ?");
    }

    @Benchmark
    public Optional<Connection> findById() {
        return store.findById(ids.get(ThreadLocalRandom.current().nextInt(CONNECTIONS)));
    }

    /** The floor: the same row over one plain JDBC connection, read but neither mapped nor decrypted. */
    @Benchmark
    public String plainJdbcRead() throws SQLException {
        select.setObject(1, ids.get(ThreadLocalRandom.current().nextInt(CONNECTIONS)).value());
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? row.getString("access_token") : null;
        }
    }

    @TearDown
    public void tearDown() throws IOException, SQLException {
        jdbc.close();
        persistence.close();
        postgres.close();
    }
}
