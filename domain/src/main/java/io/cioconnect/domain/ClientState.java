package io.cioconnect.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An opaque value a host application attaches to a connect session and gets back, verbatim, as
 * {@code client_state} on the redirect to {@code return_to}: 1 to 256 printable ASCII characters. The
 * host compares it with what it stored for its logged-in user, so a connect link forwarded to someone
 * else cannot hand their account to the link's owner unnoticed. Its {@code toString()} never prints it.
 */
public record ClientState(String value) {

    public static final int MAX_LENGTH = 256;

    private static final Pattern SHAPE = Pattern.compile("[\\x20-\\x7E]{1," + MAX_LENGTH + "}");

    public ClientState {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "client_state must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
    }

    /** The client state of {@code raw}, or empty when the host sent none ({@code null}); anything else must be valid. */
    public static Optional<ClientState> optional(String raw) {
        return raw == null ? Optional.empty() : Optional.of(new ClientState(raw));
    }

    @Override
    public String toString() {
        return "ClientState[redacted]";
    }
}
