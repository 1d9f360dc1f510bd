package io.cioconnect.application;

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

/**
 * A provider that hands every call to another, and is a registry of itself alone: tests extend it and override
 * what they watch or change (usually {@link #refresh}).
 */
public abstract class DelegatingProvider implements OAuthProvider, ProviderRegistry {

    private final OAuthProvider delegate;

    protected DelegatingProvider(OAuthProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public TokenResult refresh(RefreshToken refreshToken, Scopes scopes) {
        return delegate.refresh(refreshToken, scopes);
    }

    @Override
    public Duration refreshTimeLimit() {
        return delegate.refreshTimeLimit();
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

    @Override
    public Optional<OAuthProvider> find(ProviderId id) {
        return Optional.<OAuthProvider>of(this).filter(p -> p.descriptor().id().equals(id));
    }

    @Override
    public List<ProviderDescriptor> descriptors() {
        return List.of(descriptor());
    }
}
