package io.cioconnect.application.port.in;

import io.cioconnect.domain.ClientState;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Use case: a host application asks for a single-use link that connects an owner to a provider. */
public interface CreateConnectSessionUseCase {

    CreatedConnectSession create(Command command);

    /**
     * @param returnTo    where the browser goes afterwards; checked against the allowed origins by the use case
     * @param scopes      the scopes to ask for, or {@code null} for the provider's configured set
     * @param clientState the host's value to echo on the redirect to {@code return_to}, or {@code null}
     */
    record Command(Owner owner, ProviderId provider, String returnTo, Scopes scopes, ClientState clientState) {
        public Command {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(provider, "provider");
        }

        /** A command without client state. */
        public Command(Owner owner, ProviderId provider, String returnTo, Scopes scopes) {
            this(owner, provider, returnTo, scopes, null);
        }
    }

    /** The session's id, the link to send the browser to, and when that link stops working. */
    record CreatedConnectSession(UUID id, URI connectUrl, Instant expiresAt) {
    }
}
