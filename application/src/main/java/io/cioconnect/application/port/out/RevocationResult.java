package io.cioconnect.application.port.out;

import java.util.Objects;

/** The outcome of a revocation request (RFC 7009 §2.2). */
public sealed interface RevocationResult permits RevocationResult.Revoked, RevocationResult.Failed {

    /** The provider answered 200: the token is invalid now (or already was). */
    record Revoked() implements RevocationResult {
    }

    /** The provider could not be reached or refused; transient failures are retried later. */
    record Failed(ProviderFailure failure) implements RevocationResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
