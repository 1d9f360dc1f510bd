package io.cioconnect.adapter.customerio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cioconnect.application.port.out.ClientRegistration;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.domain.ClientSecret;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Registers this service as a client at an authorization server (RFC 7591 §3): one POST of its metadata, and
 * the answer checked (§3.2.1) before anything is kept. Never retried: a registration that may have been made
 * would only leave another client behind.
 */
final class ClientRegistrar {

    private static final Set<String> METHODS = Set.of(McpClient.NONE, "client_secret_basic", "client_secret_post");
    private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final ProviderHttp http;
    private final McpClientMetadata metadata;
    private final URI redirectUri;
    private final Clock clock;

    ClientRegistrar(ProviderHttp http, McpClientMetadata metadata, URI redirectUri, Clock clock) {
        this.http = http;
        this.metadata = metadata;
        this.redirectUri = redirectUri;
        this.clock = clock;
    }

    Fetched<ClientRegistration> register(AuthorizationServerMetadata server) {
        ProviderHttp.Outcome outcome = http.send(http.request().uri(server.registrationEndpoint())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(metadata.registration())).build());
        if (outcome.failure() != null) {
            return Fetched.failed(outcome.failure());
        }
        ProviderResponse response = outcome.response();
        Optional<ObjectNode> json = response.truncated() ? Optional.empty() : Json.object(response.body());
        // The answer carries the new secret: it must never reach a failure detail.
        List<String> secrets = json.flatMap(body -> Json.text(body, "client_secret")).stream().toList();
        Optional<ProviderFailure> failure = ResponseRules.failure(response, json, clock.instant(), secrets);
        if (failure.isPresent()) {
            return Fetched.failed(failure.get());
        }
        return json.map(body -> read(body, server.issuer()))
                .orElseGet(() -> Fetched.invalid("the registration endpoint answered without a JSON object"));
    }

    private Fetched<ClientRegistration> read(ObjectNode body, String issuer) {
        Optional<String> clientId = Json.text(body, "client_id").filter(id -> VISIBLE.matcher(id).matches());
        if (clientId.isEmpty()) {
            return Fetched.invalid("the registration answer has no usable client_id");
        }
        Optional<String> secret = Json.text(body, "client_secret").filter(value -> VISIBLE.matcher(value).matches());
        if (!Json.absent(body, "client_secret") && secret.isEmpty()) {
            return Fetched.invalid("the registration answer's client_secret is not a string of visible characters");
        }
        String method = Json.text(body, "token_endpoint_auth_method")
                .orElse(secret.isPresent() ? "client_secret_basic" : McpClient.NONE);
        if (!METHODS.contains(method) || (!method.equals(McpClient.NONE) && secret.isEmpty())) {
            return Fetched.invalid("the registered client's token_endpoint_auth_method cannot be used");
        }
        return Fetched.of(new ClientRegistration(issuer, redirectUri, clientId.get(),
                secret.map(ClientSecret::new).orElse(null), expiry(body.get("client_secret_expires_at")), method,
                clock.instant()));
    }

    /** RFC 7591 §3.2.1: seconds since the epoch, {@code 0} (or nothing) for a secret that does not expire. */
    private static Instant expiry(JsonNode value) {
        return value != null && value.canConvertToLong() && value.asLong() > 0 ? Instant.ofEpochSecond(value.asLong())
                : null;
    }
}
