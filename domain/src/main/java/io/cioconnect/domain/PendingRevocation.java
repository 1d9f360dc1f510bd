package io.cioconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A token of a deleted connection still to be revoked at its provider, retried until the provider agrees. */
public record PendingRevocation(UUID id, ProviderId provider, RevocableToken token, int attempts, Instant nextAttemptAt,
        String lastError) {

    /** After this many attempts we stop: the token will expire at the provider on its own. */
    public static final int MAX_ATTEMPTS = 20;

    public PendingRevocation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** The next try after a failure, backing off exponentially up to an hour. */
    public PendingRevocation failed(String reason, Instant now) {
        long seconds = Math.min(3600, 30L << Math.min(attempts, 7));
        return new PendingRevocation(id, provider, token, attempts + 1, now.plus(Duration.ofSeconds(seconds)), reason);
    }

    public boolean isExhausted() {
        return attempts >= MAX_ATTEMPTS;
    }
}
