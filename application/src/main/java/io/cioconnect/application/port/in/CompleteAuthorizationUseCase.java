package io.cioconnect.application.port.in;

import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.FlowError;
import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.util.Objects;

/**
 * Use case: the provider sends the browser back with a code (or an error); the flow it belongs to is
 * identified, the code exchanged, and the connection stored.
 */
public interface CompleteAuthorizationUseCase {

    CallbackOutcome complete(Command command);

    /**
     * The callback as received. Every field but {@code provider} may be {@code null} when absent.
     *
     * @param browserBinding the binding cookie the browser presented
     * @param issuer         the RFC 9207 {@code iss} parameter
     */
    record Command(ProviderId provider, String state, BrowserBinding browserBinding, String code, String error,
            String issuer) {
        public Command {
            Objects.requireNonNull(provider, "provider");
        }

        @Override
        public String toString() {
            return "Command[provider=" + provider + ", error=" + error + ", redacted]";
        }
    }

    /** Where the browser goes next. */
    sealed interface CallbackOutcome {
    }

    /** The connection is stored; redirect to {@code redirectTo} ({@code return_to} with id and status). */
    record Connected(ConnectionId connectionId, URI redirectTo) implements CallbackOutcome {
    }

    /** An identified flow failed; redirect to {@code redirectTo} ({@code return_to} with the error). */
    record Failed(FlowError error, URI redirectTo) implements CallbackOutcome {
    }

    /**
     * The callback belongs to no flow we can trust (missing, unknown, expired or replayed state; missing or
     * wrong cookie): answer an error page, go nowhere, call no provider.
     */
    record Unidentified(String reason) implements CallbackOutcome {
    }
}
