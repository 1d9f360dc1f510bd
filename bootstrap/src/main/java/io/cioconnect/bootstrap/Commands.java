package io.cioconnect.bootstrap;

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

/** The commands of SPEC §3 and their help texts. */
final class Commands {

    /** Returned by the server commands: the process lives on until it is told to stop. */
    static final int KEEP_RUNNING = -1;
    static final int CONFIGURATION_ERROR = 1;

    private Commands() {
    }

    static CommandLine commandLine() {
        return new CommandLine()
                .add("dev", ServerCommand.of(Mode.DEV))
                .add("serve", ServerCommand.of(Mode.SERVE))
                .add("migrate", new CommandLine.Command("Applies database migrations and exits.", MIGRATE_HELP, Commands::migrate))
                .add("rekey", new CommandLine.Command("Re-encrypts every stored credential with the first key of ENCRYPTION_KEYS.",
                        REKEY_HELP, Commands::rekey))
                .add("generate-key", new CommandLine.Command("Prints a new encryption key entry for ENCRYPTION_KEYS.", GENERATE_HELP,
                        (env, out, err) -> {
                            out.println(EncryptionKeyGenerator.newEntry());
                            return CommandLine.OK;
                        }));
    }

    private static int migrate(Map<String, String> environment, PrintStream out, PrintStream err) throws Exception {
        return withStores(Mode.MIGRATE, environment, err, stores -> {
            out.println("Database migrated: " + stores.migrate().migrationsExecuted + " migration(s) applied.");
            return CommandLine.OK;
        });
    }

    private static int rekey(Map<String, String> environment, PrintStream out, PrintStream err) throws Exception {
        return withStores(Mode.REKEY, environment, err, stores -> {
            RekeyReport report = stores.rekey();
            out.println("Re-encrypted " + report.reencrypted() + " value(s) with key '" + report.keyId() + "' "
                    + report.reencryptedByTable() + "; " + report.remaining() + " left"
                    + (report.isComplete() ? "." : " (busy rows: run rekey again to finish)."));
            return report.isComplete() ? CommandLine.OK : 3;
        });
    }

    /** Work done with the stores open; they are closed afterwards whatever happens. */
    private interface StoreWork {
        int run(PostgresPersistence stores) throws Exception;
    }

    private static int withStores(Mode mode, Map<String, String> environment, PrintStream err, StoreWork work)
            throws Exception {
        ServiceConfig config;
        try {
            config = ServiceConfig.read(environment, mode);
        } catch (ConfigurationException e) {
            e.problems().forEach(err::println);
            return CONFIGURATION_ERROR;
        }
        Logging.configure(config.logFormat());
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            return work.run(CioConnect.openStores(config, resources));
        } finally {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).close();
            }
        }
    }

    private static final String MIGRATE_HELP = """
            Applies the Flyway migrations to DATABASE_URL (or to the embedded PostgreSQL in DATA_DIR) and exits.
            Safe to run while other instances serve; serve also migrates at start unless MIGRATE_ON_START=false.""";
    private static final String REKEY_HELP = """
            Re-encrypts every stored credential with the first key of ENCRYPTION_KEYS, in batches, and exits.
            Keep the old keys in ENCRYPTION_KEYS (after the new one) until rekey reports nothing left.
            Resumable and safe while the service runs; exit code 3 means busy rows remain: run it again.""";
    private static final String GENERATE_HELP = """
            Prints a new ENCRYPTION_KEYS entry, <kid>:<base64 of 32 random bytes>. To rotate, put it first:
            ENCRYPTION_KEYS=<new>,<old>, restart, run rekey, then drop the old entry.""";
}
