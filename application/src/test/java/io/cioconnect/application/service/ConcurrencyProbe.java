package io.cioconnect.application.service;

import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RevocationResult;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AuthorizationCode;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a provider and records how many refreshes ran at the same time. The first {@code expected}
 * refreshes wait for each other (up to a few seconds), so reaching that parallelism does not depend on timing.
 */
final class ConcurrencyProbe implements OAuthProvider, ProviderRegistry {

    private final OAuthProvider delegate;
    private final CountDownLatch firstWave;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    ConcurrencyProbe(OAuthProvider delegate, int expected) {
        this.delegate = delegate;
        this.firstWave = new CountDownLatch(expected);
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    @Override
    public TokenResult refresh(RefreshToken refreshToken, Scopes scopes) {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            firstWave.countDown();
            firstWave.await(5, TimeUnit.SECONDS);
            return delegate.refresh(refreshToken, scopes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public Duration refreshTimeLimit() {
        return delegate.refreshTimeLimit();
    }

    @Override
    public Optional<OAuthProvider> find(ProviderId id) {
        return Optional.<OAuthProvider>of(this).filter(p -> p.descriptor().id().equals(id));
    }

    @Override
    public List<ProviderDescriptor> descriptors() {
        return List.of(descriptor());
    }

    @Override
    public ProviderDescriptor descriptor() {
        return delegate.descriptor();
    }

    @Override
    public URI authorizeUrl(AuthorizationRequest request) {
        return delegate.authorizeUrl(request);
    }

    @Override
    public TokenResult exchangeCode(AuthorizationCode code, PkceVerifier verifier, URI redirectUri) {
        return delegate.exchangeCode(code, verifier, redirectUri);
    }

    @Override
    public RevocationResult revoke(RevocableToken token) {
        return delegate.revoke(token);
    }
}
