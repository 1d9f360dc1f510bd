package io.cioconnect.application.service;

import io.cioconnect.application.DelegatingProvider;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;

/**
 * Wraps a provider and runs {@code duringRefresh} while a refresh is at the provider, before it answers:
 * what other workers do while this one waits on the provider, ordered without timing.
 */
final class ProviderHook extends DelegatingProvider {

    volatile Runnable duringRefresh = () -> { };

    ProviderHook(OAuthProvider delegate) {
        super(delegate);
    }

    @Override
    public TokenResult refresh(RefreshToken refreshToken, Scopes scopes) {
        Runnable hook = duringRefresh;
        duringRefresh = () -> { };
        hook.run();
        return super.refresh(refreshToken, scopes);
    }
}
