package io.cioconnect.adapter.customerio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds an MCP server's authorization server as the MCP authorization specification says: ask the server
 * without a token and read its 401's {@code WWW-Authenticate: Bearer resource_metadata} (RFC 9728 §5.1), else
 * try the well-known URLs (§3); then read the first authorization server's metadata (RFC 8414, then OpenID
 * Connect Discovery). Every request has the provider's timeouts and body cap; redirects are not followed.
 */
final class McpDiscovery {

    /** A JSON-RPC ping: harmless should it ever be answered, and refused with a 401 by a protected server. */
    private static final byte[] PROBE = "{\"jsonrpc\":\"2.0\",\"id\":\"cio-connect-discovery\",\"method\":\"ping\"}"
            .getBytes(StandardCharsets.UTF_8);

    /** What discovery found: the resource's metadata, its authorization server's, and the scopes its 401 asked for. */
    record Found(ProtectedResourceMetadata resource, AuthorizationServerMetadata server, Scopes challengedScopes) {
    }

    private final ProviderHttp http;
    private final URI resource;

    McpDiscovery(ProviderHttp http, URI resource) {
        this.http = http;
        this.resource = resource;
    }

    Fetched<Found> discover() {
        Optional<Map<String, String>> challenge = challenge();
        Scopes challenged = challenge.map(parameters -> parameters.get("scope"))
                .flatMap(scope -> ProtectedResourceMetadata.scopes(List.of(scope.trim().split(" +"))))
                .orElse(null);
        List<URI> candidates = new ArrayList<>();
        challenge.map(parameters -> parameters.get("resource_metadata"))
                .filter(url -> EndpointUrls.problem(url).isEmpty())
                .ifPresent(url -> candidates.add(EndpointUrls.parse(url)));
        candidates.addAll(ProtectedResourceMetadata.wellKnownUrls(resource));
        return firstUsable(candidates, json -> ProtectedResourceMetadata.read(json, resource))
                .then(found -> firstUsable(AuthorizationServerMetadata.urls(found.authorizationServer()),
                        json -> AuthorizationServerMetadata.read(json, found.authorizationServer()))
                        .then(server -> Fetched.of(new Found(found, server, challenged))));
    }

    /** The Bearer challenge of the server's answer to a request without a token, if it sent one. */
    private Optional<Map<String, String>> challenge() {
        ProviderHttp.Outcome outcome = http.send(http.request().uri(resource)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PROBE)).build());
        if (outcome.failure() != null || outcome.response().status() != 401) {
            return Optional.empty();
        }
        return BearerChallenge.of(outcome.response().headers().allValues("WWW-Authenticate"));
    }

    /**
     * The first of {@code urls} answering a JSON object that {@code reader} accepts; else why not: a document
     * refused (an impostor's issuer, say) tells more than a later URL's 404, so it is the one reported.
     */
    private <T> Fetched<T> firstUsable(List<URI> urls, Function<ObjectNode, Fetched<T>> reader) {
        Fetched<T> refused = null;
        Fetched<T> last = Fetched.failed(ProviderFailure.of(Kind.INVALID_RESPONSE, "no metadata URL to try"));
        for (URI url : urls) {
            ProviderHttp.Outcome outcome = http.send(http.request().uri(url).header("Accept", "application/json").GET().build());
            if (outcome.failure() != null) {
                last = Fetched.failed(outcome.failure());
                continue;
            }
            ProviderResponse response = outcome.response();
            Optional<ObjectNode> json = response.truncated() ? Optional.empty() : Json.object(response.body());
            if (response.status() != 200 || json.isEmpty()) {
                last = Fetched.invalid(url + " answered HTTP " + response.status() + " without a JSON object");
                continue;
            }
            Fetched<T> read = reader.apply(json.get());
            if (read.ok()) {
                return read;
            }
            refused = refused == null ? read : refused;
        }
        return refused != null ? refused : last;
    }
}
