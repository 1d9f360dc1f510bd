package io.cioconnect.domain;

import java.util.Objects;

/**
 * The issuer identifier of an authorization server (configured or discovered), which the {@code iss} of
 * its callbacks must equal exactly (RFC 9207 §2.4). {@code required}: the server puts {@code iss} in every
 * authorization response (its metadata says so, or the operator does), so a callback without one is refused.
 */
public record ExpectedIssuer(String value, boolean required) {

    public ExpectedIssuer {
        Objects.requireNonNull(value, "value");
    }

    /**
     * True when a callback's {@code iss} (maybe {@code null}) may come from this issuer: equal character for
     * character when present, and absent only when the server does not promise to send it.
     */
    public boolean accepts(String iss) {
        return iss == null ? !required : value.equals(iss);
    }
}
