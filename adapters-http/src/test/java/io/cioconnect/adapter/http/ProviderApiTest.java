package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/providers}: the enabled providers, how each is connected, and its name. */
class ProviderApiTest {

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsTheEnabledProvidersInConfigurationOrder() {
        HttpResponse<String> response = server.send(server.api("/api/v1/providers"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode providers = JsonFields.parse(response.body()).get("providers");
        assertThat(providers).hasSize(2);
        assertThat(providers.get(0).get("id").asText()).isEqualTo("customerio");
        assertThat(providers.get(0).get("kind").asText()).isEqualTo("oauth2");
        assertThat(providers.get(0).get("display_name").asText()).isEqualTo("customerio");
        assertThat(providers.get(1).get("id").asText()).isEqualTo("customerio-app-api");
        assertThat(providers.get(1).get("kind").asText()).isEqualTo("app_api_key");
        assertThat(providers.get(1).get("display_name").asText()).isEqualTo("Customer.io App API key");
        assertThat(providers.get(1).get("resource").isNull()).as("only MCP providers name a resource").isTrue();
        assertThat(providers.get(1).size()).isEqualTo(4);
    }

    @Test
    void needsAnApiKey() {
        assertThat(server.get("/api/v1/providers").statusCode()).isEqualTo(401);
    }
}
