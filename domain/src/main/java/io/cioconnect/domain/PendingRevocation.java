package io.cioconnect.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.DoubleSupplier;

/** A token of a deleted connection still to be revoked at its provider, retried until the provider agrees. */
public record PendingRevocation(UUID id, ProviderId provider, RevocableToken token, int attempts, Instant nextAttemptAt,
        String lastError) {

    /** After this many attempts we stop: the token will expire at the provider on its own. */
    public static final int MAX_ATTEMPTS = 20;
    /** From 30 s up to an hour, and at least as long as the provider asked (up to an hour). */
    public static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1));

    public PendingRevocation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** The next try after a failure, {@link #BACKOFF backing off} with jitter, never before the provider's wish. */
    public PendingRevocation failed(String reason, Optional<Duration> retryAfter, Instant now, DoubleSupplier random) {
        Duration wait = BACKOFF.after(attempts + 1, retryAfter, random);
        return new PendingRevocation(id, provider, token, attempts + 1, now.plus(wait), reason);
    }

    public boolean isExhausted() {
        return attempts >= MAX_ATTEMPTS;
    }
}
