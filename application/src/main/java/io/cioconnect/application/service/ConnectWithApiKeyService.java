package io.cioconnect.application.service;

import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase;
import io.cioconnect.application.port.in.FlowEnd.Unidentified;
import io.cioconnect.application.port.out.ApiKeyVerification;
import io.cioconnect.application.port.out.ApiKeyVerifier;
import io.cioconnect.application.port.out.PendingKeyFormStore;
import io.cioconnect.domain.AppApiKey;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.FlowError;
import io.cioconnect.domain.FormToken;
import io.cioconnect.domain.PendingKeyForm;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes an App API key flow: identifies the form, checks the key once with its region's API, and
 * stores it like OAuth tokens. A refused or unchecked key is never stored; the form comes back instead.
 */
public final class ConnectWithApiKeyService implements ConnectWithApiKeyUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectWithApiKeyService.class);

    private final PendingKeyFormStore pendingForms;
    private final PendingKeyForms forms;
    private final FlowFinisher flows;
    private final ApiKeyVerifier verifier;
    private final Clock clock;

    public ConnectWithApiKeyService(PendingKeyFormStore pendingForms, PendingKeyForms forms, FlowFinisher flows,
            ApiKeyVerifier verifier, Clock clock) {
        this.pendingForms = pendingForms;
        this.forms = forms;
        this.flows = flows;
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public SubmissionOutcome submit(Command command) {
        if (command.csrfToken() == null || command.csrfToken().isBlank()) {
            return new Ended(new Unidentified("no form token"));
        }
        // Consumed atomically first: of two identical submissions only one gets past this line.
        Optional<PendingKeyForm> found = pendingForms.consume(new FormToken(command.csrfToken()).hash(), clock.instant())
                .filter(form -> form.provider().equals(verifier.descriptor().id()));
        return flows.finish(found, command.provider(), command.browserBinding(), form -> check(command, form), Ended::new);
    }

    private SubmissionOutcome check(Command command, PendingKeyForm form) {
        if (command.cancel()) {
            return new Ended(FlowFinisher.failed(form, FlowError.ACCESS_DENIED));
        }
        Optional<AppApiRegion> region = AppApiRegion.parse(command.region());
        if (region.isEmpty()) {
            return new TryAgain(forms.reopen(form, AppApiRegion.US), Problem.REGION_MISSING);
        }
        Optional<AppApiKey> key = AppApiKey.parse(command.apiKey());
        if (key.isEmpty()) {
            return new TryAgain(forms.reopen(form, region.get()), Problem.KEY_MALFORMED);
        }
        ApiKeyVerification verification = verifier.verify(key.get(), region.get());
        switch (verification.verdict()) {
            case ACCEPTED:
                LOG.info("Key for provider {} accepted by the {} API", form.provider(), region.get().code());
                return new Ended(flows.connected(form, key.get().toTokenSet(region.get())));
            case REFUSED:
                LOG.info("Key for provider {} refused by the {} API: {}", form.provider(), region.get().code(),
                        verification.detail());
                return new TryAgain(forms.reopen(form, region.get()), Problem.KEY_REFUSED);
            case UNAVAILABLE:
                LOG.warn("Key for provider {} could not be checked with the {} API: {}", form.provider(),
                        region.get().code(), verification.detail());
                return new TryAgain(forms.reopen(form, region.get()), Problem.PROVIDER_UNREACHABLE);
            default:
                throw new IllegalStateException("unknown verdict " + verification.verdict());
        }
    }
}
