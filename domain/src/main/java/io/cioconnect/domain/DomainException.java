package io.cioconnect.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An error the caller can act on, with a stable {@link ErrorCode}. Its message is written for the host
 * application and never contains a credential, code, state or key.
 */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Duration retryAfter;

    public DomainException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public DomainException(ErrorCode code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code);
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    /** How long the caller should wait before trying again, when the error is temporary. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
