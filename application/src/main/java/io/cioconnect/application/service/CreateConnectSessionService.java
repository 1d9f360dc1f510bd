package io.cioconnect.application.service;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.port.in.CreateConnectSessionUseCase;
import io.cioconnect.application.port.out.ConnectSessionStore;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.ReturnTo;
import io.cioconnect.domain.Scopes;
import java.time.Clock;
import java.time.Instant;

/** Creates a connect session and the single-use link that starts it. */
public final class CreateConnectSessionService implements CreateConnectSessionUseCase {

    private final ConnectSessionStore sessions;
    private final ProviderRegistry providers;
    private final RandomSource random;
    private final Clock clock;
    private final ConnectSettings settings;

    public CreateConnectSessionService(ConnectSessionStore sessions, ProviderRegistry providers, RandomSource random,
            Clock clock, ConnectSettings settings) {
        this.sessions = sessions;
        this.providers = providers;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public CreatedConnectSession create(Command command) {
        // The descriptor, not find(): providers connected with an API key have no OAuth client.
        ProviderDescriptor provider = providers.descriptor(command.provider())
                .orElseThrow(() -> new DomainException(ErrorCode.VALIDATION_FAILED, "provider is not enabled"));
        Scopes scopes = requestedScopes(command.scopes(), provider.allowedScopes());
        ReturnTo returnTo = ReturnTo.parse(command.returnTo(), settings.allowedReturnOrigins());
        ConnectTicket ticket = ConnectTicket.fromRandom(random.bytes(ConnectTicket.RANDOM_BYTES));
        Instant now = clock.instant();
        ConnectSession session = new ConnectSession(random.uuid(), ticket.hash(), command.owner(), command.provider(),
                returnTo, command.clientState(), scopes, now, now.plus(settings.connectSessionTtl()));
        sessions.save(session);
        return new CreatedConnectSession(session.id(), settings.connectUrl(command.provider(), ticket),
                session.expiresAt());
    }

    private static Scopes requestedScopes(Scopes requested, Scopes allowed) {
        if (requested == null || requested.isEmpty()) {
            return allowed;
        }
        if (!requested.isSubsetOf(allowed)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "scopes must be a subset of: " + allowed.render());
        }
        return requested;
    }
}
