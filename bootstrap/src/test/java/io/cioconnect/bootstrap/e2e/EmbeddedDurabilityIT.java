package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.bootstrap.CioConnect;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded PostgreSQL answers to SHOW fsync and friends while the service runs on it. */
class EmbeddedDurabilityIT {

    private static final String[] SETTINGS = {"fsync", "synchronous_commit", "full_page_writes"};

    @TempDir
    Path dataDir;

    private Map<String, String> durabilityOfTheRunningCluster(Mode mode) throws Exception {
        int port = RunningService.freePort();
        Map<String, String> env = Map.of("PORT", Integer.toString(port), "PUBLIC_BASE_URL", "http://localhost:" + port,
                "API_KEYS", "ops:durability-check-0123456789abcdef", "ENCRYPTION_KEYS", RunningService.ENCRYPTION_KEY,
                "PROVIDERS", "customerio-app-api", "DATA_DIR", dataDir.toString());
        try (CioConnect service = CioConnect.start(ServiceConfig.read(env, mode))) {
            int databasePort = Integer.parseInt(Files.readString(dataDir.resolve("postgres.port")).strip());
            Map<String, String> shown = new LinkedHashMap<>();
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort
                    + "/postgres", "postgres", null); Statement statement = connection.createStatement()) {
                for (String setting : SETTINGS) {
                    try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
                        result.next();
                        shown.put(setting, result.getString(1));
                    }
                }
            }
            return shown;
        }
    }

    @Test
    void serveRunsItsEmbeddedPostgresqlDurably() throws Exception {
        assertThat(durabilityOfTheRunningCluster(Mode.SERVE))
                .containsExactly(Map.entry("fsync", "on"), Map.entry("synchronous_commit", "on"), Map.entry("full_page_writes", "on"));
    }

    @Test
    void devTradesDurabilityForSpeed() throws Exception {
        assertThat(durabilityOfTheRunningCluster(Mode.DEV))
                .containsExactly(Map.entry("fsync", "off"), Map.entry("synchronous_commit", "off"), Map.entry("full_page_writes", "off"));
    }
}
