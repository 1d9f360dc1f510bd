package io.cioconnect.application.service;

import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.application.port.out.RefreshLease;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ProviderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The terms of refresh leases: a random holder per claim, and an end that comes after the provider's own
 * time limit for a refresh, so a live holder always finishes (and writes) before anyone may take over.
 */
final class Leases {

    private final ProviderRegistry providers;
    private final RandomSource random;
    private final Clock clock;
    private final RefreshSettings settings;

    Leases(ProviderRegistry providers, RandomSource random, Clock clock, RefreshSettings settings) {
        this.providers = providers;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    /** A new lease on {@code current} as it is stored, starting now. */
    RefreshLease wanted(Connection current) {
        return new RefreshLease(current.id(), current.version(), holder(), endFor(current.provider()));
    }

    /** A new holder: random, so that no two claims are ever taken for one another. */
    UUID holder() {
        return random.uuid();
    }

    /** When a lease on a refresh with {@code provider} taken now ends. */
    Instant endFor(ProviderId provider) {
        return clock.instant().plus(settings.leaseFor(timeLimit(provider)));
    }

    /** When a call to {@code provider} started now has answered, at the latest. */
    Instant endOfCallStartedNow(ProviderId provider) {
        return clock.instant().plus(timeLimit(provider));
    }

    private Duration timeLimit(ProviderId provider) {
        return providers.find(provider).map(OAuthProvider::refreshTimeLimit).orElse(Duration.ZERO);
    }
}
