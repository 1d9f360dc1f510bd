package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cioconnect.application.port.in.ListConnectionsUseCase;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.ProviderKind;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenApiTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void isAnOpenApi31DocumentServedWithoutAKey() {
        HttpResponse<String> response = server.get("/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(JsonFields.parse(response.body()).get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void describesEveryRegisteredRouteAndNothingElse() {
        Set<String> registered = server.app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + parsed.endpoint.path)
                .filter(route -> HTTP_METHODS.contains(route.split(" ")[0]))
                .collect(Collectors.toSet());

        Set<String> described = new HashSet<>();
        JsonNode paths = JsonFields.parse(server.get("/openapi.json").body()).get("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method)) {
                described.add(method + " " + path.getKey());
            }
        }));

        assertThat(registered).hasSizeGreaterThanOrEqualTo(11);
        assertThat(described).isEqualTo(registered);
    }

    @Test
    void everyReferencedSchemaExists() {
        String document = server.get("/openapi.json").body();
        JsonNode schemas = JsonFields.parse(document).get("components").get("schemas");

        Matcher refs = Pattern.compile("#/components/schemas/(\\w+)").matcher(document);
        while (refs.find()) {
            assertThat(schemas.has(refs.group(1))).as(refs.group(1)).isTrue();
        }
    }

    @Test
    void describesTheListingParametersAndLimitsTheRouteApplies() {
        JsonNode listing = JsonFields.parse(server.get("/openapi.json").body()).get("paths").get("/api/v1/connections").get("get");
        Map<String, JsonNode> parameters = new HashMap<>();
        listing.get("parameters").forEach(parameter -> parameters.put(parameter.get("name").asText(), parameter));

        assertThat(parameters).containsOnlyKeys("owner", "provider", "status", "limit", "cursor");
        assertThat(parameters.values()).allSatisfy(parameter -> assertThat(parameter.get("required").asBoolean()).isFalse());
        JsonNode limit = parameters.get("limit").get("schema");
        assertThat(limit.get("maximum").asInt()).isEqualTo(ListConnectionsUseCase.MAX_LIMIT);
        assertThat(limit.get("default").asInt()).isEqualTo(ListConnectionsUseCase.DEFAULT_LIMIT);
        assertThat(parameters.get("status").get("schema").get("enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(Arrays.stream(ConnectionStatus.values()).map(ConnectionStatus::wireName)
                        .toArray(String[]::new));
    }

    @Test
    void describesEveryProviderKind() {
        JsonNode kinds = JsonFields.parse(server.get("/openapi.json").body()).get("components").get("schemas")
                .get("Provider").get("properties").get("kind").get("enum");

        assertThat(kinds).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                Arrays.stream(ProviderKind.values()).map(ProviderKind::wireName).toArray(String[]::new));
    }
}
