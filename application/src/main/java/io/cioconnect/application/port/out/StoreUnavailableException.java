package io.cioconnect.application.port.out;

import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import java.time.Duration;

/** The store could not be reached or did not answer in time; the caller may retry shortly. */
public class StoreUnavailableException extends DomainException {

    private static final long serialVersionUID = 1L;

    /** What callers are told to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public StoreUnavailableException(String message) {
        super(ErrorCode.SERVICE_UNAVAILABLE, message, RETRY_AFTER);
    }
}
