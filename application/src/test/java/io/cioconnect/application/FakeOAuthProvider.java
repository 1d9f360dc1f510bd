package io.cioconnect.application;

import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.PreparedAuthorization;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.RevocationResult;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.AuthorizationCode;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scriptable provider for service and adapter tests: by default it issues fresh tokens valid for an
 * hour (rotating the refresh token) and accepts revocations; scripted results are used first, in order.
 * It records what it was sent and counts its calls.
 */
public final class FakeOAuthProvider implements OAuthProvider {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final ProviderDescriptor descriptor;
    private final Clock clock;
    private final AtomicInteger issued = new AtomicInteger();
    public final Queue<TokenResult> exchangeResults = new ConcurrentLinkedQueue<>();
    public final Queue<TokenResult> refreshResults = new ConcurrentLinkedQueue<>();
    public final Queue<RevocationResult> revocationResults = new ConcurrentLinkedQueue<>();
    public final List<AuthorizationCode> exchangedCodes = new CopyOnWriteArrayList<>();
    public final List<PkceVerifier> exchangedVerifiers = new CopyOnWriteArrayList<>();
    public final List<RefreshToken> refreshedTokens = new CopyOnWriteArrayList<>();
    public final List<RevocableToken> revokedTokens = new CopyOnWriteArrayList<>();
    /** Extra time each refresh takes, to keep refreshes in flight in concurrency tests. */
    public volatile Duration refreshLatency = Duration.ZERO;
    /** What this provider promises as the longest refresh: leases on its refreshes last this plus a margin. */
    public volatile Duration refreshTimeLimit = Duration.ofSeconds(30);
    /** When set, how {@link #prepare} answers (a provider that discovers at run time); else the port's default. */
    public volatile Function<AuthorizationRequest, PreparedAuthorization> preparation;

    public FakeOAuthProvider(ProviderDescriptor descriptor, Clock clock) {
        this.descriptor = descriptor;
        this.clock = clock;
    }

    /** Provider {@code customerio}: scope {@code full_access}, no issuer, a revocation endpoint. */
    public static final ProviderDescriptor CUSTOMERIO = new ProviderDescriptor(new ProviderId("customerio"),
            Scopes.parse("full_access"), null, true);

    @Override
    public ProviderDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public URI authorizeUrl(AuthorizationRequest request) {
        return URI.create("https://provider.test/authorize?response_type=code&client_id=test-client"
                + "&redirect_uri=" + encode(request.redirectUri().toString())
                + "&scope=" + encode(request.scopes().render())
                + "&state=" + encode(request.state().value())
                + "&code_challenge=" + encode(request.challenge().value())
                + "&code_challenge_method=S256");
    }

    @Override
    public PreparedAuthorization prepare(AuthorizationRequest request) {
        Function<AuthorizationRequest, PreparedAuthorization> scripted = preparation;
        return scripted != null ? scripted.apply(request) : OAuthProvider.super.prepare(request);
    }

    @Override
    public TokenResult exchangeCode(AuthorizationCode code, PkceVerifier verifier, URI redirectUri) {
        exchangedCodes.add(code);
        exchangedVerifiers.add(verifier);
        TokenResult scripted = exchangeResults.poll();
        return scripted != null ? scripted : new TokenResult.Issued(nextTokens());
    }

    @Override
    public TokenResult refresh(RefreshToken refreshToken, Scopes scopes) {
        refreshedTokens.add(refreshToken);
        pause(refreshLatency);
        TokenResult scripted = refreshResults.poll();
        return scripted != null ? scripted : new TokenResult.Issued(nextTokens());
    }

    @Override
    public Duration refreshTimeLimit() {
        return refreshTimeLimit;
    }

    @Override
    public RevocationResult revoke(RevocableToken token) {
        revokedTokens.add(token);
        RevocationResult scripted = revocationResults.poll();
        return scripted != null ? scripted : new RevocationResult.Revoked();
    }

    public int exchangeCount() {
        return exchangedCodes.size();
    }

    public int refreshCount() {
        return refreshedTokens.size();
    }

    public int revocationCount() {
        return revokedTokens.size();
    }

    /** A new token set like the provider would issue now: access and refresh tokens numbered in order. */
    public TokenSet nextTokens() {
        int n = issued.incrementAndGet();
        return new TokenSet(new AccessToken("access-" + n), new RefreshToken("refresh-" + n), TokenType.BEARER,
                clock.instant().plus(TOKEN_LIFETIME), descriptor.allowedScopes());
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis()); // simulates a slow provider, not a wait for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
