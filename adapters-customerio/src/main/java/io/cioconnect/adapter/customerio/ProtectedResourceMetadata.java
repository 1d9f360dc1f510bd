package io.cioconnect.adapter.customerio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What an MCP server says about itself (RFC 9728 §2): the authorization server to use (the first listed) and
 * the scopes it names ({@code null} when it names none).
 */
record ProtectedResourceMetadata(String authorizationServer, Scopes scopesSupported) {

    /** Well-known suffix of RFC 9728 §3. */
    static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    /**
     * Where to look when the server's 401 names no metadata: the path of the MCP endpoint inserted after the
     * well-known segment (RFC 9728 §3.1), then the root (the MCP specification's fallback for path-bearing URLs).
     */
    static List<URI> wellKnownUrls(URI resource) {
        String path = resource.getRawPath() == null ? "" : resource.getRawPath().replaceAll("/+$", "");
        String origin = resource.getScheme() + "://" + resource.getRawAuthority();
        return path.isEmpty() ? List.of(URI.create(origin + WELL_KNOWN))
                : List.of(URI.create(origin + WELL_KNOWN + path), URI.create(origin + WELL_KNOWN));
    }

    /**
     * Reads a metadata document, or says why it cannot be used: its {@code resource} must be exactly the URL
     * we asked about (RFC 9728 §3.3, against impersonation), and it must name an authorization server whose
     * issuer is an acceptable URL.
     */
    static Fetched<ProtectedResourceMetadata> read(ObjectNode json, URI resource) {
        if (!Json.text(json, "resource").map(resource.toString()::equals).orElse(false)) {
            return Fetched.invalid("the protected resource metadata names another resource than " + resource);
        }
        Optional<String> server = Json.strings(json, "authorization_servers").filter(list -> !list.isEmpty())
                .map(list -> list.get(0));
        if (server.isEmpty()) {
            return Fetched.invalid("the protected resource metadata lists no authorization_servers");
        }
        Optional<String> problem = EndpointUrls.problem(server.get())
                .or(() -> URI.create(server.get().trim()).getRawQuery() == null ? Optional.empty()
                        : Optional.of("must not contain a query"));
        if (problem.isPresent()) {
            return Fetched.invalid("its first authorization server " + problem.get());
        }
        Optional<Scopes> scopes = Optional.empty();
        if (!Json.absent(json, "scopes_supported")) {
            scopes = Json.strings(json, "scopes_supported").flatMap(ProtectedResourceMetadata::scopes);
            if (scopes.isEmpty()) {
                return Fetched.invalid("the protected resource metadata's scopes_supported is not a list of scopes");
            }
        }
        return Fetched.of(new ProtectedResourceMetadata(server.get(), scopes.orElse(null)));
    }

    static Optional<Scopes> scopes(List<String> values) {
        try {
            return values.stream().anyMatch(value -> value.isBlank() || value.contains(" ")) ? Optional.empty()
                    : Optional.of(Scopes.parse(String.join(" ", values)));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
