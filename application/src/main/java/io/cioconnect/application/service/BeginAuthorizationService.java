package io.cioconnect.application.service;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase;
import io.cioconnect.application.port.out.ConnectSessionStore;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.OAuthProvider.AuthorizationRequest;
import io.cioconnect.application.port.out.PendingAuthorizationStore;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.State;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/** Redeems a connect ticket: stores a pending authorization and points the browser at the provider. */
public final class BeginAuthorizationService implements BeginAuthorizationUseCase {

    private final ConnectSessionStore sessions;
    private final PendingAuthorizationStore pendingAuthorizations;
    private final ProviderRegistry providers;
    private final RandomSource random;
    private final Clock clock;
    private final ConnectSettings settings;

    public BeginAuthorizationService(ConnectSessionStore sessions, PendingAuthorizationStore pendingAuthorizations,
            ProviderRegistry providers, RandomSource random, Clock clock, ConnectSettings settings) {
        this.sessions = sessions;
        this.pendingAuthorizations = pendingAuthorizations;
        this.providers = providers;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public AuthorizationStarted begin(Command command) {
        Instant now = clock.instant();
        ConnectSession session = ConnectTickets.redeem(sessions, command.ticket(), command.provider(), now);
        OAuthProvider provider = providers.find(session.provider()).orElseThrow(ConnectTickets::unusable);

        State state = State.fromRandom(random.bytes(State.RANDOM_BYTES));
        PkceVerifier verifier = PkceVerifier.fromRandom(random.bytes(PkceVerifier.RANDOM_BYTES));
        BrowserBinding binding = BrowserBinding.fromRandom(random.bytes(BrowserBinding.RANDOM_BYTES));
        pendingAuthorizations.save(new PendingAuthorization(state.hash(), verifier, binding.hash(),
                provider.descriptor().issuer(), session.owner(), session.provider(), session.returnTo(),
                session.clientState(), session.scopes(), now, now.plus(settings.authorizationTtl())));

        URI authorizeUrl = provider.authorizeUrl(new AuthorizationRequest(state, verifier.challenge(),
                session.scopes(), settings.callbackUri(session.provider())));
        return new AuthorizationStarted(authorizeUrl, binding, settings.authorizationTtl());
    }
}
