package io.cioconnect.adapter.customerio;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import java.util.function.Function;

/** A value read from a provider, or the failure that stands in its place: exactly one of the two is set. */
record Fetched<T>(T value, ProviderFailure failure) {

    static <T> Fetched<T> of(T value) {
        return new Fetched<>(value, null);
    }

    static <T> Fetched<T> failed(ProviderFailure failure) {
        return new Fetched<>(null, failure);
    }

    /** The provider answered, but not with something we can use. */
    static <T> Fetched<T> invalid(String detail) {
        return failed(ProviderFailure.of(Kind.INVALID_RESPONSE, detail));
    }

    boolean ok() {
        return failure == null;
    }

    /** The next step applied to the value, or this failure passed on. */
    <U> Fetched<U> then(Function<T, Fetched<U>> next) {
        return ok() ? next.apply(value) : failed(failure);
    }
}
