package io.cioconnect.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The PostgreSQL adapter in one piece: a HikariCP pool, Flyway migrations (run only when asked) and the
 * store out-ports over JDBI, encrypting credentials with the given {@link KeyRing}. Close it to close the pool.
 */
public final class PostgresPersistence implements AutoCloseable {

    /** Callers fail fast (and answer 503) rather than queue behind a database that is gone. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    static final int REKEY_BATCH_SIZE = 100;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final FieldCipher cipher;

    private PostgresPersistence(HikariDataSource dataSource, KeyRing keys) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        this.cipher = new FieldCipher(keys);
    }

    /**
     * Builds the pool without connecting yet, so a service can start while PostgreSQL is still down and
     * become ready when it comes up.
     */
    public static PostgresPersistence create(DatabaseSettings settings, KeyRing keys) {
        return new PostgresPersistence(new HikariDataSource(poolConfig(settings)), keys);
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
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "PostgresPersistence[pool=" + dataSource.getPoolName() + ", " + cipher + "]";
    }
}
