package io.cioconnect.adapter.customerio;

import io.cioconnect.adapter.customerio.ResilientCalls.Results;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.RevocationResult;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AuthorizationCode;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Adapter: an OAuth 2.0 provider over {@code java.net.http}, configured by {@link ProviderSettings}.
 * Answers typed results for everything a provider may do; never throws for it.
 */
public final class HttpOAuthProvider implements OAuthProvider {

    /** Token requests are not repeated once they may have reached the provider: codes and rotated tokens are spent. */
    static final Results<TokenResult> TOKEN_RESULTS = new Results<>(
            result -> result.fold(issued -> null, TokenResult.Failed::failure), TokenResult.Failed::new, false);
    /** Revoking twice does no harm (RFC 7009 §2.2). */
    static final Results<RevocationResult> REVOCATION_RESULTS = new Results<>(
            result -> result.fold(revoked -> null, RevocationResult.Failed::failure), RevocationResult.Failed::new,
            true);

    private final ProviderSettings settings;
    private final EndpointCalls endpoints;
    private final TokenEndpointRequests requests;
    private final ResilientCalls calls;
    private final ProviderMetrics metrics;

    public HttpOAuthProvider(ProviderSettings settings, MeterRegistry meters) {
        this(settings, meters, Clock.systemUTC());
    }

    public HttpOAuthProvider(ProviderSettings settings, MeterRegistry meters, Clock clock) {
        if (settings.needsDiscovery()) {
            throw new IllegalArgumentException("provider " + settings.id() + " needs discovery before use");
        }
        this.settings = settings;
        ProviderHttp http = new ProviderHttp(settings.callPolicy());
        this.endpoints = new EndpointCalls(http, clock);
        this.requests = new TokenEndpointRequests(settings, http::request);
        this.calls = new ResilientCalls(settings.id().value(), settings.callPolicy(), meters);
        this.metrics = new ProviderMetrics(meters, settings.id());
    }

    @Override
    public ProviderDescriptor descriptor() {
        return settings.descriptor();
    }

    @Override
    public URI authorizeUrl(AuthorizationRequest request) {
        return AuthorizeUrl.build(settings.authorizeUrl(), settings.clientId(), request);
    }

    @Override
    public TokenResult exchangeCode(AuthorizationCode code, PkceVerifier verifier, URI redirectUri) {
        HttpRequest request = requests.exchange(code, verifier, redirectUri);
        List<String> secrets = List.of(code.value(), verifier.value(), settings.clientSecret().value());
        // Scopes.none(): this port is not told what was asked; the caller records its own request then.
        return metrics.time("exchange",
                () -> calls.once(() -> tokenAttempt(request, Scopes.none(), secrets), TOKEN_RESULTS),
                TOKEN_RESULTS.failureOf());
    }

    @Override
    public TokenResult refresh(RefreshToken refreshToken, Scopes scopes) {
        HttpRequest request = requests.refresh(refreshToken, scopes);
        List<String> secrets = List.of(refreshToken.value(), settings.clientSecret().value());
        return metrics.time("refresh",
                () -> calls.withRetries(() -> tokenAttempt(request, scopes, secrets), TOKEN_RESULTS),
                TOKEN_RESULTS.failureOf());
    }

    @Override
    public Duration refreshTimeLimit() {
        return settings.callPolicy().longestCall();
    }

    @Override
    public RevocationResult revoke(RevocableToken token) {
        if (settings.revocationUrl() == null) {
            return new RevocationResult.Failed(ProviderFailure.of(ProviderFailure.Kind.REJECTED,
                    "provider " + settings.id() + " has no revocation endpoint"));
        }
        HttpRequest request = requests.revoke(token);
        List<String> secrets = List.of(token.value(), settings.clientSecret().value());
        return metrics.time("revoke",
                () -> calls.withRetries(() -> revocationAttempt(request, secrets), REVOCATION_RESULTS),
                REVOCATION_RESULTS.failureOf());
    }

    private TokenResult tokenAttempt(HttpRequest request, Scopes requested, List<String> secrets) {
        return endpoints.token(request, requested, secrets);
    }

    private RevocationResult revocationAttempt(HttpRequest request, List<String> secrets) {
        return endpoints.revocation(request, secrets);
    }
}
