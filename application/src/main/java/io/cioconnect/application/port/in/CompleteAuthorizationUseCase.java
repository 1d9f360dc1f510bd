package io.cioconnect.application.port.in;

import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ProviderId;
import java.util.Objects;

/**
 * Use case: the provider sends the browser back with a code (or an error); the flow it belongs to is
 * identified, the code exchanged, and the connection stored.
 */
public interface CompleteAuthorizationUseCase {

    FlowEnd complete(Command command);

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
}
