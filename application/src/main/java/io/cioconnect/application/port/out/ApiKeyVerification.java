package io.cioconnect.application.port.out;

import java.util.Locale;
import java.util.Objects;

/** What checking an App API key found, with a short detail for logs that never contains the key. */
public record ApiKeyVerification(Verdict verdict, String detail) {

    /** The three answers a key check can give. */
    public enum Verdict {
        /** The API answered 2xx: the key works. */
        ACCEPTED,
        /** The API answered 401 or 403: the key is wrong, revoked, or not for this region. */
        REFUSED,
        /** The API could not be asked (timeout, 5xx, 429, open circuit, ...): nothing is known about the key. */
        UNAVAILABLE
    }

    public ApiKeyVerification {
        Objects.requireNonNull(verdict, "verdict");
        detail = detail == null ? verdict.name().toLowerCase(Locale.ROOT) : detail;
    }

    public static ApiKeyVerification accepted() {
        return new ApiKeyVerification(Verdict.ACCEPTED, null);
    }

    public static ApiKeyVerification refused(String detail) {
        return new ApiKeyVerification(Verdict.REFUSED, detail);
    }

    public static ApiKeyVerification unavailable(String detail) {
        return new ApiKeyVerification(Verdict.UNAVAILABLE, detail);
    }
}
