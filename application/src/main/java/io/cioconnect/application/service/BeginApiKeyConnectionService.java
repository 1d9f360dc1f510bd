package io.cioconnect.application.service;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.port.in.BeginApiKeyConnectionUseCase;
import io.cioconnect.application.port.out.ApiKeyVerifier;
import io.cioconnect.application.port.out.ConnectSessionStore;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ConnectSession;
import java.time.Clock;
import java.time.Instant;

/** Redeems a connect ticket of the App API key provider: opens a pending key form bound to this browser. */
public final class BeginApiKeyConnectionService implements BeginApiKeyConnectionUseCase {

    private final ConnectSessionStore sessions;
    private final PendingKeyForms forms;
    private final ApiKeyVerifier verifier;
    private final RandomSource random;
    private final Clock clock;
    private final ConnectSettings settings;

    public BeginApiKeyConnectionService(ConnectSessionStore sessions, PendingKeyForms forms, ApiKeyVerifier verifier,
            RandomSource random, Clock clock, ConnectSettings settings) {
        this.sessions = sessions;
        this.forms = forms;
        this.verifier = verifier;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public ApiKeyFormStarted begin(Command command) {
        Instant now = clock.instant();
        ConnectSession session = ConnectTickets.redeem(sessions, command.ticket(), verifier.descriptor().id(), now);
        if (!session.provider().equals(command.provider())) {
            throw ConnectTickets.unusable();
        }
        BrowserBinding binding = BrowserBinding.fromRandom(random.bytes(BrowserBinding.RANDOM_BYTES));
        return new ApiKeyFormStarted(forms.open(session, binding.hash(), now, now.plus(settings.authorizationTtl())),
                binding, settings.authorizationTtl());
    }
}
