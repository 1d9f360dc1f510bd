package io.cioconnect.application.port.out;

import java.util.Objects;
import java.util.function.Function;

/** The outcome of a revocation request (RFC 7009 §2.2). */
public sealed interface RevocationResult permits RevocationResult.Revoked, RevocationResult.Failed {

    /** The value of the one function that handles this kind of result; every kind must be handled. */
    <T> T fold(Function<Revoked, T> revoked, Function<Failed, T> failed);

    /** The provider answered 200: the token is invalid now (or already was). */
    record Revoked() implements RevocationResult {
        @Override
        public <T> T fold(Function<Revoked, T> revoked, Function<Failed, T> failed) {
            return revoked.apply(this);
        }
    }

    /** The provider could not be reached or refused; transient failures are retried later. */
    record Failed(ProviderFailure failure) implements RevocationResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public <T> T fold(Function<Revoked, T> revoked, Function<Failed, T> failed) {
            return failed.apply(this);
        }
    }
}
