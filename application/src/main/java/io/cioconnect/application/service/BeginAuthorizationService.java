package io.cioconnect.application.service;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.port.in.BeginAuthorizationUseCase;
import io.cioconnect.application.port.in.FlowEnd;
import io.cioconnect.application.port.out.ConnectSessionStore;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.OAuthProvider.AuthorizationRequest;
import io.cioconnect.application.port.out.PendingAuthorizationStore;
import io.cioconnect.application.port.out.PreparedAuthorization;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.FlowError;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.State;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redeems a connect ticket: has the provider prepare the request (which may call it: discovery, client
 * registration), then stores a pending authorization and points the browser at the provider. No store is
 * in use while the provider is asked; when it cannot be asked, nothing is stored and the browser goes back.
 */
public final class BeginAuthorizationService implements BeginAuthorizationUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(BeginAuthorizationService.class);

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
    public Outcome begin(Command command) {
        ConnectSession session = ConnectTickets.redeem(sessions, command.ticket(), command.provider(), clock.instant());
        OAuthProvider provider = providers.find(session.provider()).orElseThrow(ConnectTickets::unusable);

        State state = State.fromRandom(random.bytes(State.RANDOM_BYTES));
        PkceVerifier verifier = PkceVerifier.fromRandom(random.bytes(PkceVerifier.RANDOM_BYTES));
        PreparedAuthorization prepared = provider.prepare(new AuthorizationRequest(state, verifier.challenge(),
                session.scopes(), settings.callbackUri(session.provider())));
        return prepared.fold(ready -> started(session, state, verifier, ready), unavailable -> {
            LOG.warn("Provider {} is unavailable for a new flow, which goes back with provider_error ({})",
                    session.provider(), unavailable.failure().detail());
            return new ProviderUnavailable(new FlowEnd.Failed(FlowError.PROVIDER_ERROR,
                    session.returnTo().failed(FlowError.PROVIDER_ERROR, session.clientState())));
        });
    }

    private AuthorizationStarted started(ConnectSession session, State state, PkceVerifier verifier,
            PreparedAuthorization.Ready ready) {
        Instant now = clock.instant();
        BrowserBinding binding = BrowserBinding.fromRandom(random.bytes(BrowserBinding.RANDOM_BYTES));
        pendingAuthorizations.save(new PendingAuthorization(state.hash(), verifier, binding.hash(), ready.issuer(),
                session.owner(), session.provider(), session.returnTo(), session.clientState(), ready.scopes(), now,
                now.plus(settings.authorizationTtl())));
        return new AuthorizationStarted(ready.authorizeUrl(), binding, settings.authorizationTtl());
    }
}
