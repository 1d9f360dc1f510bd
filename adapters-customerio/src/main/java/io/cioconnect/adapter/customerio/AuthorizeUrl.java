package io.cioconnect.adapter.customerio;

import io.cioconnect.application.port.out.OAuthProvider.AuthorizationRequest;
import io.cioconnect.domain.PkceChallenge;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the authorization request URL (RFC 6749 §4.1.1 with RFC 7636 §4.3's PKCE parameters). */
final class AuthorizeUrl {

    static final List<String> PARAMETERS = List.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "code_challenge", "code_challenge_method", "resource");

    private AuthorizeUrl() {
    }

    /**
     * Each value is percent-encoded on its own, so a scope or state holding {@code &}, {@code =} or {@code #}
     * stays one value. The configured URL's own query is kept, and ours is appended after an {@code &}.
     */
    static URI build(URI authorizeUrl, String clientId, AuthorizationRequest request) {
        return build(authorizeUrl, clientId, request, Map.of());
    }

    /** With {@code extra} parameters after ours, such as RFC 8707's {@code resource}. */
    static URI build(URI authorizeUrl, String clientId, AuthorizationRequest request, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", request.redirectUri().toString());
        if (!request.scopes().isEmpty()) {
            parameters.put("scope", request.scopes().render());
        }
        parameters.put("state", request.state().value());
        parameters.put("code_challenge", request.challenge().value());
        parameters.put("code_challenge_method", PkceChallenge.METHOD);
        parameters.putAll(extra);
        String query = parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + FormEncoding.queryEncode(entry.getValue()))
                .collect(Collectors.joining("&"));
        String base = authorizeUrl.toString();
        String separator = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return URI.create(base + separator + query);
    }

    /** A configured authorize URL may carry extra parameters, but not ones this service sets itself. */
    static Optional<String> reservedParameterProblem(URI authorizeUrl) {
        String query = authorizeUrl.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        boolean clash = Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2)[0])
                .anyMatch(PARAMETERS::contains);
        return clash ? Optional.of("must not carry any of " + String.join(", ", PARAMETERS) + " in its query")
                : Optional.empty();
    }
}
