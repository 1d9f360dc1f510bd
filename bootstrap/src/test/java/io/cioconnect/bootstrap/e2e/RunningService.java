package io.cioconnect.bootstrap.e2e;

import io.cioconnect.adapter.persistence.testing.TestDatabase;
import io.cioconnect.application.WebhookSettings;
import io.cioconnect.bootstrap.CioConnect;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.ServiceConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The whole service started in-process through its composition root, on a free port, against a test database. */
public final class RunningService implements AutoCloseable {

    public static final String APP_ORIGIN = "https://app.example.com";
    public static final String RETURN_TO = APP_ORIGIN + "/settings";
    public static final String ENCRYPTION_KEY = "e2e-key:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    /** Where tests reach the service: its own port on loopback (PUBLIC_BASE_URL may differ, as behind a proxy). */
    public final URI baseUrl;
    public final HostApi api;
    public final String apiKey;
    public final Map<String, String> environment;
    private final CioConnect service;

    private RunningService(URI baseUrl, String apiKey, Map<String, String> environment, CioConnect service) {
        this.baseUrl = baseUrl;
        this.api = new HostApi(baseUrl, apiKey);
        this.apiKey = apiKey;
        this.environment = environment;
        this.service = service;
    }

    public static RunningService start(Mode mode, TestDatabase database, Map<String, String> more) throws Exception {
        return start(mode, database, more, WebhookSettings.defaults());
    }

    /** As above, delivering webhooks as {@code webhooks} say. */
    public static RunningService start(Mode mode, TestDatabase database, Map<String, String> more,
            WebhookSettings webhooks) throws Exception {
        int port = freePort();
        String apiKey = "e2e-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("PUBLIC_BASE_URL", "http://localhost:" + port);
        env.put("DATABASE_URL", database.jdbcUrl());
        env.put("DATABASE_USER", database.user());
        if (database.password() != null) {
            env.put("DATABASE_PASSWORD", database.password());
        }
        env.put("DATA_DIR", Files.createTempDirectory("cio-connect-e2e").toString());
        env.put("API_KEYS", "e2e:" + apiKey);
        env.put("ENCRYPTION_KEYS", ENCRYPTION_KEY);
        env.put("RETURN_TO_ALLOWED_ORIGINS", APP_ORIGIN + ",http://localhost:" + port);
        // Tests walk flows far faster than people do; the limits have tests of their own in adapters-http.
        env.put("BROWSER_RATE_LIMIT", "0");
        env.put("API_RATE_LIMIT", "0");
        env.put("AUTH_FAILURE_LIMIT", "0");
        env.putAll(more); // may override PORT and PUBLIC_BASE_URL too
        CioConnect service = CioConnect.start(ServiceConfig.read(env, mode), webhooks);
        return new RunningService(URI.create("http://localhost:" + env.get("PORT")), apiKey, env, service);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The running composition root, for tests of its own life cycle. */
    public CioConnect service() {
        return service;
    }

    @Override
    public void close() {
        service.close();
    }
}
