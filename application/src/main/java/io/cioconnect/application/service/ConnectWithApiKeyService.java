package io.cioconnect.application.service;

import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase;
import io.cioconnect.application.port.out.ApiKeyVerification;
import io.cioconnect.application.port.out.ApiKeyVerifier;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.PendingAuthorizationStore;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.domain.AppApiKey;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.FlowError;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.State;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes an App API key flow: identifies the form, checks the key once with its region's API, and
 * stores it like OAuth tokens. A refused or unchecked key is never stored; the form comes back instead.
 */
public final class ConnectWithApiKeyService implements ConnectWithApiKeyUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectWithApiKeyService.class);

    private final PendingAuthorizationStore pendingAuthorizations;
    private final PendingKeyForms forms;
    private final ConnectionStore connections;
    private final ApiKeyVerifier verifier;
    private final RandomSource random;
    private final Clock clock;

    public ConnectWithApiKeyService(PendingAuthorizationStore pendingAuthorizations, ConnectionStore connections,
            ApiKeyVerifier verifier, RandomSource random, Clock clock) {
        this.pendingAuthorizations = pendingAuthorizations;
        this.forms = new PendingKeyForms(pendingAuthorizations, random);
        this.connections = connections;
        this.verifier = verifier;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public SubmissionOutcome submit(Command command) {
        if (command.csrfToken() == null || command.csrfToken().isBlank()) {
            return new Unidentified("The form carries no token.");
        }
        // Consumed atomically first: of two identical submissions only one gets past this line.
        Optional<PendingAuthorization> found = pendingAuthorizations.consume(new State(command.csrfToken()).hash(),
                clock.instant());
        if (found.isEmpty() || !found.get().provider().equals(command.provider())
                || !found.get().provider().equals(verifier.descriptor().id())) {
            return new Unidentified("This form is unknown, has expired or was already used.");
        }
        PendingAuthorization pending = found.get();
        if (!pending.isBoundTo(command.browserBinding())) {
            LOG.warn("Key form for provider {} was submitted from a browser that did not open it", command.provider());
            return new Unidentified("This form was opened in another browser.");
        }
        if (command.cancel()) {
            return failed(pending, FlowError.ACCESS_DENIED);
        }
        try {
            return check(command, pending);
        } catch (RuntimeException e) {
            LOG.error("Connecting a key for provider {} failed: {}", command.provider(), e.getClass().getSimpleName());
            return failed(pending, FlowError.SERVER_ERROR);
        }
    }

    private SubmissionOutcome check(Command command, PendingAuthorization pending) {
        Optional<AppApiRegion> region = AppApiRegion.parse(command.region());
        if (region.isEmpty()) {
            return new TryAgain(forms.reopen(pending, AppApiRegion.US), Problem.REGION_MISSING);
        }
        Optional<AppApiKey> key = AppApiKey.parse(command.apiKey());
        if (key.isEmpty()) {
            return new TryAgain(forms.reopen(pending, region.get()), Problem.KEY_MALFORMED);
        }
        ApiKeyVerification verification = verifier.verify(key.get(), region.get());
        switch (verification.verdict()) {
            case ACCEPTED:
                return connected(pending, key.get(), region.get());
            case REFUSED:
                LOG.info("Key for provider {} refused by the {} API: {}", pending.provider(), region.get().code(),
                        verification.detail());
                return new TryAgain(forms.reopen(pending, region.get()), Problem.KEY_REFUSED);
            default:
                LOG.warn("Key for provider {} could not be checked with the {} API: {}", pending.provider(),
                        region.get().code(), verification.detail());
                return new TryAgain(forms.reopen(pending, region.get()), Problem.PROVIDER_UNREACHABLE);
        }
    }

    private Connected connected(PendingAuthorization pending, AppApiKey key, AppApiRegion region) {
        Connection stored = connections.saveConnected(Connection.connect(new ConnectionId(random.uuid()),
                pending.owner(), pending.provider(), key.toTokenSet(region), clock.instant()));
        LOG.info("Connection {} for provider {} connected with an App API key ({})", stored.id(), stored.provider(),
                region.code());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("connection_id", stored.id().toString());
        parameters.put("status", "connected");
        return new Connected(stored.id(), pending.returnTo().withQueryParameters(parameters));
    }

    private static Failed failed(PendingAuthorization pending, FlowError error) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("status", "error");
        parameters.put("error", error.code());
        return new Failed(error, pending.returnTo().withQueryParameters(parameters));
    }
}
