package io.cioconnect.application.service;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.port.in.CompleteAuthorizationUseCase;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.PendingAuthorizationStore;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AuthorizationCode;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.FlowError;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.ReturnTo;
import io.cioconnect.domain.State;
import io.cioconnect.domain.TokenSet;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finishes a connect flow: identifies it, exchanges the code once, stores the connection. */
public final class CompleteAuthorizationService implements CompleteAuthorizationUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(CompleteAuthorizationService.class);

    private final PendingAuthorizationStore pendingAuthorizations;
    private final ConnectionStore connections;
    private final ProviderRegistry providers;
    private final RandomSource random;
    private final Clock clock;
    private final ConnectSettings settings;

    public CompleteAuthorizationService(PendingAuthorizationStore pendingAuthorizations, ConnectionStore connections,
            ProviderRegistry providers, RandomSource random, Clock clock, ConnectSettings settings) {
        this.pendingAuthorizations = pendingAuthorizations;
        this.connections = connections;
        this.providers = providers;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public CallbackOutcome complete(Command command) {
        if (command.state() == null || command.state().isEmpty()) {
            return new Unidentified("The callback carries no state.");
        }
        // Consumed atomically first: of two identical callbacks only one gets past this line.
        Optional<PendingAuthorization> found = pendingAuthorizations.consume(new State(command.state()).hash(),
                clock.instant());
        if (found.isEmpty() || !found.get().provider().equals(command.provider())) {
            return new Unidentified("This sign-in link is unknown, has expired or was already used.");
        }
        PendingAuthorization pending = found.get();
        if (!pending.isBoundTo(command.browserBinding())) {
            LOG.warn("Callback for provider {} came from a browser that did not start the flow", command.provider());
            return new Unidentified("This sign-in was started in another browser.");
        }
        try {
            return completeIdentified(command, pending);
        } catch (RuntimeException e) {
            LOG.error("Completing a flow for provider {} failed: {}", command.provider(), e.getClass().getSimpleName());
            return failed(pending.returnTo(), FlowError.SERVER_ERROR);
        }
    }

    private CallbackOutcome completeIdentified(Command command, PendingAuthorization pending) {
        if (!pending.acceptsIssuer(command.issuer())) {
            LOG.warn("Callback for provider {} rejected: iss does not name the expected issuer", command.provider());
            return failed(pending.returnTo(), FlowError.PROVIDER_ERROR);
        }
        if (command.error() != null) {
            return failed(pending.returnTo(),
                    "access_denied".equals(command.error()) ? FlowError.ACCESS_DENIED : FlowError.PROVIDER_ERROR);
        }
        if (command.code() == null || command.code().isEmpty()) {
            return failed(pending.returnTo(), FlowError.PROVIDER_ERROR);
        }
        Optional<OAuthProvider> provider = providers.find(pending.provider());
        if (provider.isEmpty()) {
            return failed(pending.returnTo(), FlowError.SERVER_ERROR);
        }
        TokenResult result = provider.get().exchangeCode(new AuthorizationCode(command.code()), pending.verifier(),
                settings.callbackUri(pending.provider()));
        if (result instanceof TokenResult.Failed failedExchange) {
            LOG.warn("Code exchange with provider {} failed: {}", pending.provider(), failedExchange.failure().kind());
            return failed(pending.returnTo(), FlowError.TOKEN_EXCHANGE_FAILED);
        }
        Instant now = clock.instant();
        TokenSet tokens = ((TokenResult.Issued) result).tokens();
        if (tokens.scopes().isEmpty()) {
            // RFC 6749 §5.1: a token response may omit scope when it grants exactly what was asked.
            tokens = new TokenSet(tokens.accessToken(), tokens.refreshToken(), tokens.type(), tokens.expiresAt(),
                    pending.scopes());
        }
        Connection stored = connections.saveConnected(Connection.connect(new ConnectionId(random.uuid()),
                pending.owner(), pending.provider(), tokens, now));
        LOG.info("Connection {} for provider {} connected", stored.id(), stored.provider());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("connection_id", stored.id().toString());
        parameters.put("status", "connected");
        return new Connected(stored.id(), pending.returnTo().withQueryParameters(parameters));
    }

    private static Failed failed(ReturnTo returnTo, FlowError error) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("status", "error");
        parameters.put("error", error.code());
        return new Failed(error, returnTo.withQueryParameters(parameters));
    }
}
