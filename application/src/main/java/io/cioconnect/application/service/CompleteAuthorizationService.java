package io.cioconnect.application.service;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.port.in.CompleteAuthorizationUseCase;
import io.cioconnect.application.port.in.FlowEnd;
import io.cioconnect.application.port.in.FlowEnd.Unidentified;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.PendingAuthorizationStore;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AuthorizationCode;
import io.cioconnect.domain.FlowError;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.State;
import io.cioconnect.domain.TokenSet;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finishes an OAuth connect flow: identifies it, checks {@code iss}, exchanges the code once, stores the connection. */
public final class CompleteAuthorizationService implements CompleteAuthorizationUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(CompleteAuthorizationService.class);

    private final PendingAuthorizationStore pendingAuthorizations;
    private final ProviderRegistry providers;
    private final FlowFinisher flows;
    private final Clock clock;
    private final ConnectSettings settings;

    public CompleteAuthorizationService(PendingAuthorizationStore pendingAuthorizations, ProviderRegistry providers,
            FlowFinisher flows, Clock clock, ConnectSettings settings) {
        this.pendingAuthorizations = pendingAuthorizations;
        this.providers = providers;
        this.flows = flows;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public FlowEnd complete(Command command) {
        if (command.state() == null || command.state().isEmpty()) {
            return new Unidentified("no state");
        }
        // Consumed atomically first: of two identical callbacks only one gets past this line.
        Optional<PendingAuthorization> found = pendingAuthorizations.consume(new State(command.state()).hash(),
                clock.instant());
        return flows.finish(found, command.provider(), command.browserBinding(),
                pending -> completeIdentified(command, pending), Function.identity());
    }

    private FlowEnd completeIdentified(Command command, PendingAuthorization pending) {
        if (!pending.acceptsIssuer(command.issuer())) {
            LOG.warn("Callback for provider {} rejected: iss does not name the expected issuer", command.provider());
            return FlowFinisher.failed(pending, FlowError.PROVIDER_ERROR);
        }
        if (command.error() != null) {
            return FlowFinisher.failed(pending,
                    "access_denied".equals(command.error()) ? FlowError.ACCESS_DENIED : FlowError.PROVIDER_ERROR);
        }
        if (command.code() == null || command.code().isEmpty()) {
            return FlowFinisher.failed(pending, FlowError.PROVIDER_ERROR);
        }
        Optional<OAuthProvider> provider = providers.find(pending.provider());
        if (provider.isEmpty()) {
            return FlowFinisher.failed(pending, FlowError.SERVER_ERROR);
        }
        TokenResult result = provider.get().exchangeCode(new AuthorizationCode(command.code()), pending.verifier(),
                settings.callbackUri(pending.provider()));
        return result.fold(issued -> flows.connected(pending, withRequestedScopes(issued.tokens(), pending)), failure -> {
            LOG.warn("Code exchange with provider {} failed: {}", pending.provider(), failure.failure().kind());
            return FlowFinisher.failed(pending, FlowError.TOKEN_EXCHANGE_FAILED);
        });
    }

    /** RFC 6749 §5.1: a token response may omit {@code scope} when it grants exactly what was asked. */
    private static TokenSet withRequestedScopes(TokenSet tokens, PendingAuthorization pending) {
        return tokens.scopes().isEmpty()
                ? new TokenSet(tokens.accessToken(), tokens.refreshToken(), tokens.type(), tokens.expiresAt(),
                        pending.scopes())
                : tokens;
    }
}
