package io.cioconnect.devsandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sandbox's stand-in for Customer.io's App API key check ({@code GET /v1/workspaces}). */
class FakeAppApiTest {

    private static final String WORKSPACES = "/sandbox/app-api/v1/workspaces";

    private final SandboxDriver sandbox = new SandboxDriver();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void acceptsABearerKeyStartingWithSandbox() {
        HttpResponse<String> response = sandbox.server.get(WORKSPACES, "Authorization", "Bearer sandbox-anything");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"workspaces\":[{\"id\":1,\"name\":\"Sandbox\"}]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer other-key", "Bearer Sandbox-key", "Basic sandbox-key", "Bearer ", "sandbox-key"})
    void refusesEveryOtherAuthorization(String authorization) {
        HttpResponse<String> response = sandbox.server.get(WORKSPACES, "Authorization", authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("workspaces");
    }

    @Test
    void refusesARequestWithoutAuthorization() {
        assertThat(sandbox.server.get(WORKSPACES).statusCode()).isEqualTo(401);
    }
}
