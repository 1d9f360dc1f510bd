package io.cioconnect.bootstrap;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.cioconnect.adapter.persistence.PostgresPersistence;
import io.cioconnect.adapter.persistence.RekeyReport;
import io.cioconnect.bootstrap.config.ConfigurationException;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.ServiceConfig;
import io.cioconnect.bootstrap.logging.Logging;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;

/** The commands and their help texts. */
final class Commands {

    /** Returned by the server commands: the process lives on until it is told to stop. */
    static final int KEEP_RUNNING = -1;
    static final int CONFIGURATION_ERROR = 1;
    static final int BUSY_ROWS_LEFT = 3;
    static final String DRY_RUN = "--dry-run";

    private Commands() {
    }

    static CommandLine commandLine() {
        return new CommandLine()
                .add("dev", ServerCommand.of(Mode.DEV))
                .add("serve", ServerCommand.of(Mode.SERVE))
                .add("migrate", new CommandLine.Command("Applies database migrations and exits.", MIGRATE_HELP,
                        Mode.MIGRATE, Commands::migrate))
                .add("rekey", new CommandLine.Command("Re-encrypts every stored credential with the first key of"
                        + " ENCRYPTION_KEYS.", REKEY_HELP, Mode.REKEY, Set.of(DRY_RUN), Commands::rekey))
                .add("generate-key", new CommandLine.Command("Prints a new encryption key entry for ENCRYPTION_KEYS.",
                        GENERATE_HELP, null, (env, options, out, err) -> {
                            out.println(EncryptionKeyGenerator.newEntry());
                            return CommandLine.OK;
                        }));
    }

    private static int migrate(Map<String, String> environment, Set<String> options, PrintStream out, PrintStream err)
            throws Exception {
        return withDatabase(Mode.MIGRATE, environment, err, (config, database) -> {
            printMigration(PostgresPersistence.migrate(database), out); // needs no keys, so opens no stores
            return CommandLine.OK;
        });
    }

    private static int rekey(Map<String, String> environment, Set<String> options, PrintStream out, PrintStream err)
            throws Exception {
        return withDatabase(Mode.REKEY, environment, err, (config, database) -> {
            try (PostgresPersistence stores = PostgresPersistence.create(database, config.encryptionKeys())) {
                return rekey(config, stores, options.contains(DRY_RUN), out);
            }
        });
    }

    private static int rekey(ServiceConfig config, PostgresPersistence stores, boolean dryRun, PrintStream out) {
        String keyId = config.encryptionKeys().current().id();
        if (dryRun) {
            return dryRun(stores.rowsOnOtherKeys(), keyId, out);
        }
        if (config.migrateOnStart()) {
            printMigration(stores.migrate(), out);
        }
        RekeyReport report = stores.rekey((table, rows, total) -> {
            out.println(table + ": " + rows + " re-encrypted (" + total + " in this table so far)");
            out.flush();
        });
        out.println("Re-encrypted " + report.reencrypted() + " value(s) with key '" + report.keyId() + "' "
                + report.reencryptedByTable() + "; " + report.remaining() + " left"
                + (report.isComplete() ? "." : " (busy rows: run rekey again to finish)."));
        return report.isComplete() ? CommandLine.OK : BUSY_ROWS_LEFT;
    }

    private static int dryRun(Map<String, Long> rowsOnOtherKeys, String keyId, PrintStream out) {
        out.println("Dry run, nothing changed. Rows holding a ciphertext of another key than '" + keyId + "':");
        rowsOnOtherKeys.forEach((table, rows) -> out.println("  " + table + ": " + rows));
        out.println(rowsOnOtherKeys.values().stream().mapToLong(Long::longValue).sum() + " row(s) to re-encrypt.");
        return CommandLine.OK;
    }

    private static void printMigration(MigrateResult result, PrintStream out) {
        for (MigrateOutput migration : result.migrations) {
            out.println("Applied version " + migration.version + ": " + migration.description);
        }
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        out.println((result.migrations.isEmpty() ? "Nothing to apply; the" : "The") + " database schema is at version "
                + version + ".");
    }

    /** Work done with the database up; an embedded one is stopped afterwards whatever happens. */
    private interface DatabaseWork {
        int run(ServiceConfig config, DatabaseSettings database) throws Exception;
    }

    private static int withDatabase(Mode mode, Map<String, String> environment, PrintStream err, DatabaseWork work)
            throws Exception {
        ServiceConfig config;
        try {
            config = ServiceConfig.read(environment, mode);
        } catch (ConfigurationException e) {
            e.problems().forEach(err::println);
            return CONFIGURATION_ERROR;
        }
        Logging.configure(config.logFormat(), config.logLevel());
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            return work.run(config, CioConnect.openDatabase(config, resources));
        } finally {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).close();
            }
        }
    }

    private static final String MIGRATE_HELP = """
            Applies the Flyway migrations to DATABASE_URL (or to the embedded PostgreSQL in DATA_DIR), prints the
            versions it applied and exits. Safe to run while other instances serve; serve also migrates at start
            unless MIGRATE_ON_START=false.""";
    private static final String REKEY_HELP = """
            Re-encrypts every stored credential with the first key of ENCRYPTION_KEYS, in batches of 100, printing
            a line per batch, and exits. Keep the old keys in ENCRYPTION_KEYS (after the new one) until rekey
            reports nothing left. Resumable and safe while the service runs; exit code 3 means busy rows remain:
            run it again. With --dry-run it only counts the rows still on other keys and changes nothing (it
            does not migrate either).""";
    private static final String GENERATE_HELP = """
            Prints a new ENCRYPTION_KEYS entry, <kid>:<base64 of 32 random bytes>. To rotate, put it first:
            ENCRYPTION_KEYS=<new>,<old>, restart, run rekey, then drop the old entry.""";
}
