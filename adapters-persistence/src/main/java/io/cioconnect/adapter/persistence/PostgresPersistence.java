package io.cioconnect.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.adapter.persistence.crypto.KeyRing;
import io.cioconnect.application.port.out.ClientRegistrationStore;
import io.cioconnect.application.port.out.ConnectSessionStore;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.PendingAuthorizationStore;
import io.cioconnect.application.port.out.PendingKeyFormStore;
import io.cioconnect.application.port.out.RevocationQueue;
import io.cioconnect.application.port.out.StoreHealth;
import io.cioconnect.application.port.out.WebhookOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The PostgreSQL adapter in one piece: a HikariCP pool, Flyway migrations (run only when asked) and the
 * store out-ports over JDBI, encrypting credentials with the given {@link KeyRing}. Close it to close the pool.
 */
public final class PostgresPersistence implements AutoCloseable {

    /** Callers fail fast (and answer 503) rather than queue behind a database that is gone. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    static final int REKEY_BATCH_SIZE = 100;

    private final HikariDataSource dataSource;
    private final DatabaseSettings settings;
    private final Jdbi jdbi;
    private final FieldCipher cipher;
    private CachedConnectionStore cachedConnections;

    private PostgresPersistence(HikariDataSource dataSource, DatabaseSettings settings, KeyRing keys) {
        this.dataSource = dataSource;
        this.settings = settings;
        // One data-access style: SQL constants run as plain statements, rows read by hand-written mappers.
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        this.cipher = new FieldCipher(keys);
    }

    /**
     * Builds the pool without connecting yet, so a service can start while PostgreSQL is still down and
     * become ready when it comes up.
     */
    public static PostgresPersistence create(DatabaseSettings settings, KeyRing keys) {
        return new PostgresPersistence(new HikariDataSource(poolConfig(settings)), settings, keys);
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cio-connect-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "cio-connect");
        return config;
    }

    /** Applies pending Flyway migrations ({@code db/migration}); safe to run from several instances at once. */
    public MigrateResult migrate() {
        return migrate(dataSource);
    }

    /** Applies pending migrations over a connection of its own: migrating needs no encryption keys. */
    public static MigrateResult migrate(DatabaseSettings settings) {
        try (HikariDataSource dataSource = new HikariDataSource(poolConfig(settings))) {
            return migrate(dataSource);
        }
    }

    private static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public ConnectSessionStore connectSessions() {
        return new PostgresConnectSessionStore(jdbi);
    }

    public PendingAuthorizationStore pendingAuthorizations() {
        return new PostgresPendingAuthorizationStore(jdbi, cipher);
    }

    public PendingKeyFormStore pendingKeyForms() {
        return new PostgresPendingKeyFormStore(jdbi);
    }

    public ConnectionStore connections() {
        return new PostgresConnectionStore(jdbi, cipher);
    }

    /**
     * The connection store of a running service: {@link #connections()} with this instance's in-memory copies of
     * tokens that are not due yet ({@code refreshSkew} before expiry), dropped on every change any instance makes
     * (PostgreSQL {@code LISTEN/NOTIFY}; see docs/storage.md). One per persistence, so that every use case's
     * writes drop the copies the others read; it stops listening when this closes.
     */
    public synchronized ConnectionStore connectionsCachedUntilDue(Clock clock, Duration refreshSkew) {
        if (cachedConnections == null) {
            cachedConnections = new CachedConnectionStore(connections(), clock, refreshSkew).listenWith(settings);
        }
        return cachedConnections;
    }

    public RevocationQueue revocations() {
        return new PostgresRevocationQueue(jdbi, cipher);
    }

    public WebhookOutbox webhookEvents() {
        return new PostgresWebhookOutbox(jdbi);
    }

    public ClientRegistrationStore clientRegistrations() {
        return new PostgresClientRegistrationStore(jdbi, cipher);
    }

    public StoreHealth health() {
        return new PostgresStoreHealth(jdbi);
    }

    /** The counts behind the service's store gauges (connections, pending revocations, overdue refreshes). */
    public StoreStatistics statistics() {
        return new StoreStatistics(jdbi);
    }

    /** Reports the pool (connections active, idle and pending, acquisition times, timeouts) to {@code meters}. */
    public void reportPoolTo(MeterRegistry meters) {
        dataSource.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
    }

    /** Re-encrypts every stored credential with the ring's current key, {@value #REKEY_BATCH_SIZE} rows per transaction. */
    public RekeyReport rekey() {
        return rekey(RekeyProgress.SILENT);
    }

    /** Like {@link #rekey()}, telling {@code progress} about every committed batch. */
    public RekeyReport rekey(RekeyProgress progress) {
        return rekeyer(REKEY_BATCH_SIZE).run(progress);
    }

    /** What {@code rekey} would still do: rows per table with a ciphertext of another key. Changes nothing. */
    public Map<String, Long> rowsOnOtherKeys() {
        return rekeyer(REKEY_BATCH_SIZE).stale();
    }

    /** A rekeyer with another batch size (tests use small batches to cross batch boundaries). */
    public Rekeyer rekeyer(int batchSize) {
        return new Rekeyer(jdbi, cipher, batchSize);
    }

    @Override
    public synchronized void close() {
        if (cachedConnections != null) {
            cachedConnections.close();
        }
        dataSource.close();
    }

    @Override
    public String toString() {
        return "PostgresPersistence[pool=" + dataSource.getPoolName() + ", " + cipher + "]";
    }
}
