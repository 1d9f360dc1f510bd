package io.cioconnect.application.service;

import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.application.port.out.RevocationQueue;
import io.cioconnect.domain.PendingRevocation;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one queued revocation and settles it in the queue: done, given up, or retried later (backing off
 * with jitter, as {@link PendingRevocation#BACKOFF} says). Shared by disconnection and the retry job.
 */
public final class RevocationSender {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationSender.class);

    private final RevocationQueue queue;
    private final ProviderRegistry providers;
    private final RandomSource random;
    private final Clock clock;

    public RevocationSender(RevocationQueue queue, ProviderRegistry providers, RandomSource random, Clock clock) {
        this.queue = queue;
        this.providers = providers;
        this.random = random;
        this.clock = clock;
    }

    void send(PendingRevocation revocation) {
        Optional<OAuthProvider> provider = providers.find(revocation.provider());
        if (provider.isEmpty()) {
            retryLater(revocation, ProviderFailure.of(ProviderFailure.Kind.UNAVAILABLE, "provider is not enabled"));
            return;
        }
        Optional<ProviderFailure> failure = provider.get().revoke(revocation.token())
                .fold(revoked -> Optional.empty(), failed -> Optional.of(failed.failure()));
        if (failure.isEmpty()) {
            queue.complete(revocation.id());
        } else if (failure.get().isTransient()) {
            retryLater(revocation, failure.get());
        } else {
            // The provider answered and refused (e.g. unsupported_token_type): asking again will not help.
            LOG.warn("Revocation at provider {} refused ({}); giving up", revocation.provider(), failure.get().kind());
            queue.complete(revocation.id());
        }
    }

    private void retryLater(PendingRevocation revocation, ProviderFailure failure) {
        PendingRevocation next = revocation.failed(failure.detail(), failure.optionalRetryAfter(), clock.instant(),
                random::unitInterval);
        if (next.isExhausted()) {
            LOG.warn("Revocation at provider {} failed {} times; giving up", revocation.provider(), next.attempts());
            queue.complete(revocation.id());
        } else {
            queue.retryLater(next);
        }
    }
}
