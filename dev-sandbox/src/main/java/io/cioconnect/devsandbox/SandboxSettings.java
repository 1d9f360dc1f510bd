package io.cioconnect.devsandbox;

import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the built-in sandbox OAuth 2.0 provider of {@code dev} mode: the one client it knows and
 * where it lives. {@code publicBaseUrl} is the service's own public URL; the sandbox serves under
 * {@code <publicBaseUrl>/sandbox}.
 */
public record SandboxSettings(
        URI publicBaseUrl,
        String clientId,
        ClientSecret clientSecret,
        URI redirectUri,
        Scopes scopes,
        Duration accessTokenLifetime,
        Clock clock) {

    /** Short, so that a newcomer watching the console sees refreshes happen. */
    public static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(120);

    public SandboxSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        Objects.requireNonNull(clock, "clock");
        requireHttpUrl(publicBaseUrl, "publicBaseUrl");
        requireHttpUrl(redirectUri, "redirectUri");
        if (publicBaseUrl.getRawQuery() != null || publicBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("publicBaseUrl must not have a query or a fragment");
        }
        if (redirectUri.getRawFragment() != null) {
            throw new IllegalArgumentException("redirectUri must not have a fragment (RFC 6749 §3.1.2)");
        }
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes must not be empty");
        }
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new IllegalArgumentException("accessTokenLifetime must be positive");
        }
        publicBaseUrl = URI.create(publicBaseUrl.toString().replaceAll("/+$", ""));
    }

    /**
     * The settings {@code dev} uses: the service's callback for the {@code sandbox} provider as the only
     * redirect URI, scope {@code full_access}, access tokens living {@link #DEFAULT_ACCESS_TOKEN_LIFETIME}.
     */
    public static SandboxSettings forDev(URI publicBaseUrl, String clientId, ClientSecret clientSecret, Clock clock) {
        URI base = URI.create(publicBaseUrl.toString().replaceAll("/+$", ""));
        return new SandboxSettings(base, clientId, clientSecret, URI.create(base + "/oauth/sandbox/callback"),
                Scopes.parse("full_access"), DEFAULT_ACCESS_TOKEN_LIFETIME, clock);
    }

    /** The sandbox's issuer identifier (RFC 9207), sent as {@code iss} on every authorization response. */
    public URI issuer() {
        return URI.create(publicBaseUrl + SandboxAuthorizationServer.PATH);
    }

    public URI authorizeUrl() {
        return URI.create(issuer() + "/authorize");
    }

    public URI tokenUrl() {
        return URI.create(issuer() + "/token");
    }

    public URI revocationUrl() {
        return URI.create(issuer() + "/revoke");
    }

    /** The sandbox's MCP server: a protected resource (RFC 9728) whose tokens this authorization server issues. */
    public URI mcpResource() {
        return URI.create(issuer() + "/mcp");
    }

    /** Base URL of the fake Customer.io App API, whose check path is {@code /v1/workspaces}. */
    public URI appApiUrl() {
        return URI.create(issuer() + "/app-api");
    }

    private static void requireHttpUrl(URI uri, String name) {
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(name + " must be an absolute http or https URL without user info");
        }
    }
}
