package io.cioconnect.bootstrap;

import io.cioconnect.bootstrap.config.ConfigurationException;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.ServiceConfig;
import io.cioconnect.bootstrap.logging.Logging;
import java.io.PrintStream;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** {@code dev} and {@code serve}: start the service and keep running until the process is told to stop. */
final class ServerCommand {

    private ServerCommand() {
    }

    static CommandLine.Command of(Mode mode) {
        return mode == Mode.DEV
                ? new CommandLine.Command("Runs locally with nothing configured (embedded database, sandbox provider).",
                        DEV_HELP, Mode.DEV, (env, options, out, err) -> run(Mode.DEV, env, out, err))
                : new CommandLine.Command("Runs in production; refuses to start on missing or malformed settings.",
                        SERVE_HELP, Mode.SERVE, (env, options, out, err) -> run(Mode.SERVE, env, out, err));
    }

    static int run(Mode mode, Map<String, String> environment, PrintStream out, PrintStream err) throws Exception {
        loadTlsContextAside();
        Map<String, String> effective = mode == Mode.DEV ? DevSecrets.overlay(environment) : environment;
        CioConnect service;
        ServiceConfig config;
        try {
            config = ServiceConfig.read(effective, mode);
            Logging.configure(config.logFormat(), config.logLevel());
            if (mode == Mode.DEV) {
                out.print(DEV_BANNER);
            }
            service = CioConnect.start(config);
        } catch (ConfigurationException e) {
            e.problems().forEach(err::println);
            return Commands.CONFIGURATION_ERROR;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "cio-connect-shutdown"));
        if (mode == Mode.DEV) {
            out.print(devAccess(config, DevSecrets.usesGeneratedApiKey(environment)
                    ? Optional.of(DevSecrets.apiKey(config.dataDir())) : Optional.empty()));
            out.flush();
        }
        return Commands.KEEP_RUNNING;
    }

    /**
     * The console, the API key and a first call. The generated key only when it is the one in use: with
     * {@code API_KEYS} given, the generated key would be refused, so the text points at the configured ones.
     */
    static String devAccess(ServiceConfig config, Optional<String> generatedApiKey) {
        String keyLine = generatedApiKey
                .map(key -> key + "   (kept in " + config.dataDir().resolve(DevSecrets.FILE_NAME) + ")")
                .orElse("a secret of API_KEYS (a generated key is not used while API_KEYS is set)");
        String bearer = generatedApiKey.orElse("<secret>");
        return "Console:  " + config.publicBaseUrl() + "/\n"
                + "API key:  " + keyLine + "\n"
                + "Try it:   curl -s -H 'Authorization: Bearer " + bearer + "' -H 'Content-Type: application/json' \\\n"
                + "            -d '{\"owner\":\"alice\",\"provider\":\"sandbox\",\"return_to\":\"" + config.publicBaseUrl()
                + "/\"}' " + config.publicBaseUrl() + "/api/v1/connect-sessions\n";
    }

    /**
     * The provider clients need the JDK's default TLS context, whose trust store takes a tenth of a second or more
     * to load. A thread of its own loads it while this one reads the configuration and sets up logging and
     * metrics, so start-up does not wait for it (the context is the JDK's own, made once; a client that asks for
     * it sooner waits for the same one). A failure here is left to the clients, which report it.
     */
    private static void loadTlsContextAside() {
        Thread loader = new Thread(() -> {
            try {
                SSLContext.getDefault();
            } catch (NoSuchAlgorithmException | RuntimeException e) {
                // The provider clients ask for it again and fail with a message of their own.
            }
        }, "tls-context-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private static final String DEV_BANNER = """
            ==========================================================================
              cio-connect DEV MODE -- NOT FOR PRODUCTION
              Secrets are generated and kept in DATA_DIR; the sandbox provider is on.
            ==========================================================================
            """;

    private static final String DEV_HELP = """
            Runs on a fresh machine with nothing configured: embedded PostgreSQL in DATA_DIR (default ./data), an
            encryption key and an API key generated and kept in DATA_DIR, the built-in sandbox OAuth provider, and
            a console at / to walk the whole flow in a browser. Providers that are not configured are left out.
            It listens on 127.0.0.1 (BIND_ADDRESS), and refuses a PUBLIC_BASE_URL or a DATABASE_URL that is not on
            a loopback host unless DEV_ALLOW_REMOTE=true.""";
    private static final String SERVE_HELP = """
            Runs in production. Requires ENCRYPTION_KEYS, API_KEYS, an https PUBLIC_BASE_URL (http only on a
            loopback host) and the credentials of every provider in PROVIDERS; refuses to start with one line per
            problem otherwise. Without DATABASE_URL it runs embedded PostgreSQL in DATA_DIR, durably (fsync on),
            and says so. Migrates at start unless MIGRATE_ON_START=false. SIGTERM stops it gracefully.""";
}
