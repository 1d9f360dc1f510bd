package io.cioconnect.adapter.customerio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What an MCP server's authorization server says about itself (RFC 8414 §2, OpenID Connect Discovery): its
 * endpoints (revocation and registration may be {@code null}), which client identities it takes, whether it
 * names itself in {@code iss} (RFC 9207), how clients authenticate at its token endpoint, and its scopes.
 */
record AuthorizationServerMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI revocationEndpoint,
        URI registrationEndpoint, boolean clientIdMetadataDocumentSupported, boolean issuerInAuthorizationResponse,
        List<String> tokenEndpointAuthMethods, List<String> scopesSupported) {

    /**
     * The MCP specification's order: RFC 8414 with the well-known segment inserted before the issuer's path,
     * then OpenID Connect Discovery inserted, then appended; an issuer without a path has the first two only.
     */
    static List<URI> urls(String issuer) {
        URI uri = URI.create(issuer);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        if (path.isEmpty()) {
            return List.of(URI.create(origin + "/.well-known/oauth-authorization-server"),
                    URI.create(origin + "/.well-known/openid-configuration"));
        }
        return List.of(URI.create(origin + "/.well-known/oauth-authorization-server" + path),
                URI.create(origin + "/.well-known/openid-configuration" + path),
                URI.create(origin + path + "/.well-known/openid-configuration"));
    }

    /**
     * Reads a metadata document, or says why it cannot be used. Its {@code issuer} must be exactly the one the
     * URL was built from (RFC 8414 §3.3: otherwise it may be an impostor's), and it must offer PKCE with S256
     * (the MCP specification: without {@code code_challenge_methods_supported}, do not proceed).
     */
    static Fetched<AuthorizationServerMetadata> read(ObjectNode json, String issuer) {
        if (!Json.text(json, "issuer").map(issuer::equals).orElse(false)) {
            return Fetched.invalid("the authorization server metadata names another issuer than " + issuer);
        }
        if (!json.has("code_challenge_methods_supported")
                || !ProviderDiscovery.listsS256(json.get("code_challenge_methods_supported"))) {
            return Fetched.invalid("the authorization server does not list S256 in code_challenge_methods_supported");
        }
        Optional<URI> authorize = ProviderDiscovery.endpoint(json, "authorization_endpoint")
                .filter(url -> AuthorizeUrl.reservedParameterProblem(url).isEmpty());
        Optional<URI> token = ProviderDiscovery.endpoint(json, "token_endpoint");
        if (authorize.isEmpty() || token.isEmpty()) {
            return Fetched.invalid("authorization_endpoint or token_endpoint is missing or not an acceptable URL");
        }
        Optional<URI> revocation = ProviderDiscovery.endpoint(json, "revocation_endpoint");
        Optional<URI> registration = ProviderDiscovery.endpoint(json, "registration_endpoint");
        if ((!Json.absent(json, "revocation_endpoint") && revocation.isEmpty())
                || (!Json.absent(json, "registration_endpoint") && registration.isEmpty())) {
            return Fetched.invalid("revocation_endpoint or registration_endpoint is not an acceptable URL");
        }
        return Fetched.of(new AuthorizationServerMetadata(issuer, authorize.get(), token.get(), revocation.orElse(null),
                registration.orElse(null), Json.bool(json, "client_id_metadata_document_supported").orElse(false),
                Json.bool(json, "authorization_response_iss_parameter_supported").orElse(false),
                Json.strings(json, "token_endpoint_auth_methods_supported").orElse(List.of()),
                Json.strings(json, "scopes_supported").orElse(List.of())));
    }

    /**
     * How a client holding a secret authenticates: {@code client_secret_basic} unless the server lists only
     * {@code client_secret_post} (RFC 8414 §2: an absent list means {@code client_secret_basic}).
     */
    String secretAuthMethod() {
        return !tokenEndpointAuthMethods.contains("client_secret_basic")
                && tokenEndpointAuthMethods.contains("client_secret_post") ? "client_secret_post" : "client_secret_basic";
    }
}
