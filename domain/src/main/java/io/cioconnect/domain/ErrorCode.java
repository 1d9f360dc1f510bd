package io.cioconnect.domain;

import java.util.Locale;

/** The stable, machine-readable error codes host applications see in {@code problem+json}. */
public enum ErrorCode {
    UNAUTHORIZED,
    NOT_FOUND,
    VALIDATION_FAILED,
    REAUTHORIZATION_REQUIRED,
    PROVIDER_UNAVAILABLE,
    RATE_LIMITED,
    SERVICE_UNAVAILABLE,
    INTERNAL_ERROR;

    /** The wire form: {@code reauthorization_required}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
