package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer does: runs the jar with {@code dev} in an empty directory, copies the printed API key,
 * and walks the flow. Then stops it with SIGTERM and starts it again: data and key survive.
 */
class JarDevModeIT {

    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void runsTheWholeFlowFromAnEmptyDirectoryAndKeepsItsDataAcrossRestarts() throws Exception {
        Path directory = Files.createTempDirectory("cio-connect-dev");
        int port = RunningService.freePort();
        URI base = URI.create("http://localhost:" + port);
        Map<String, String> env = Map.of("PORT", Integer.toString(port));

        String apiKey;
        String connectionId;
        int databasePort;
        try (JarProcess dev = JarProcess.start(directory, env, "dev")) {
            apiKey = dev.awaitLine("API key:", START).replaceAll(".*API key:\\s+(\\S+).*", "$1");
            assertThat(dev.output).anyMatch(line -> line.contains("NOT FOR PRODUCTION"));
            HostApi api = new HostApi(base, apiKey);
            URI back = ConnectFlows.throughSandbox(new Browser(), api.createConnectUrl("alice", "sandbox", base + "/"));
            connectionId = ConnectFlows.parameter(back, "connection_id");
            assertThat(api.call("POST", "/api/v1/connections/" + connectionId + "/access-token", null).status())
                    .isEqualTo(200);
            databasePort = Integer.parseInt(Files.readString(directory.resolve("data/postgres.port")).strip());

            assertThat(dev.terminate(Duration.ofSeconds(30))).isIn(0, 143);
            assertThat(dev.output).noneMatch(line -> line.contains("Exception"));
        }
        assertThat(isListening(databasePort)).as("the embedded database stops with the service").isFalse();

        try (JarProcess again = JarProcess.start(directory, env, "dev")) {
            String keyAfterRestart = again.awaitLine("API key:", START).replaceAll(".*API key:\\s+(\\S+).*", "$1");
            assertThat(keyAfterRestart).isEqualTo(apiKey);
            HostApi.Answer token = new HostApi(base, apiKey)
                    .call("POST", "/api/v1/connections/" + connectionId + "/access-token", null);
            assertThat(token.status()).isEqualTo(200);
            again.terminate(Duration.ofSeconds(30));
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
