package io.cioconnect.application.service;

import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.application.port.out.RefreshMetrics;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.application.service.RefreshOutcome.Settled;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ProviderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Refreshes connections, once at a time per connection across every process sharing the store: claim a
 * lease in one short transaction, call the provider holding nothing of the store, write the result in a
 * second short transaction only if the lease is still ours. Built once by the composition root and shared
 * by {@code access-token} ({@link GetAccessTokenService}) and the background sweep
 * ({@link RefreshDueConnectionsService}), so both count in the same bulkheads and metrics.
 */
public final class ConnectionRefresher {

    private final ConnectionStore connections;
    private final Clock clock;
    private final RefreshSettings settings;
    private final RefreshMetrics metrics;
    private final Leases leases;
    private final LeasedRefresh leased;
    private final OnDemandRefresh onDemand;
    private final SingleFlight<ConnectionId, RefreshOutcome> flights = new SingleFlight<>();

    /** @param announcer gives the events its writes put in the outbox: a lost grant, refresh failing or recovered */
    public ConnectionRefresher(ConnectionStore connections, ChangeAnnouncer announcer, ProviderRegistry providers,
            RandomSource random, Clock clock, RefreshSettings settings, RefreshMetrics metrics) {
        this.connections = connections;
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
        this.leases = new Leases(providers, random, clock, settings);
        this.leased = new LeasedRefresh(connections, announcer, providers, random, clock, settings);
        this.onDemand = new OnDemandRefresh(connections, leased, leases, random, clock, settings);
    }

    /**
     * An {@code access-token} call's refresh of {@code seen}: callers of one connection in this process share
     * one attempt, and none waits for another's refresh longer than {@link RefreshSettings#waitLimit()}.
     */
    RefreshOutcome refreshOnDemand(Connection seen, Duration skew, boolean force) {
        RefreshAttempt attempt = RefreshAttempt.onDemand(seen, skew, force);
        long deadline = System.nanoTime() + settings.waitLimit().toNanos();
        return flights.run(seen.id(), deadline,
                () -> counted(attempt, () -> onDemand.settle(attempt, deadline)).outcome(),
                () -> counted(attempt, () -> onDemand.late(seen)).outcome());
    }

    /** Claims up to {@code limit} connections of {@code provider} that are due, under one lease each. */
    List<LeaseClaim.Claimed> claimDue(ProviderId provider, int limit) {
        Instant now = clock.instant();
        return connections.claimDue(provider, now, settings.window(), leases.holder(), leases.endFor(provider), limit);
    }

    /** How long a lease on a refresh with {@code provider} lasts: longer than any refresh with it takes. */
    Duration leaseLength(ProviderId provider) {
        return Duration.between(clock.instant(), leases.endFor(provider));
    }

    /** True while the claim's lease still covers a whole provider call started now. */
    boolean hasTimeFor(LeaseClaim.Claimed claim) {
        return !leases.endOfCallStartedNow(claim.connection().provider()).isAfter(claim.lease().until());
    }

    /** Gives a claimed connection back unrefreshed (best effort: the lease ends by itself otherwise). */
    void giveBack(LeaseClaim.Claimed claim) {
        try {
            connections.releaseRefresh(claim.lease());
        } catch (RuntimeException e) {
            // The store is failing: the lease ends by itself and another sweep takes the connection.
        }
    }

    /** Refreshes a connection the background sweep claimed in {@code place}, and says how it ended. */
    Outcome refreshClaimed(LeaseClaim.Claimed claim, Place place) {
        RefreshAttempt attempt = RefreshAttempt.background(claim.connection(), settings.window());
        return counted(attempt, () -> leased.run(claim, attempt, place)).counted();
    }

    RefreshSettings settings() {
        return settings;
    }

    private Settled counted(RefreshAttempt attempt, Supplier<Settled> work) {
        Settled settled;
        try {
            settled = work.get();
        } catch (RuntimeException e) {
            metrics.recorded(attempt.trigger(), Outcome.ERROR);
            throw e;
        }
        metrics.recorded(attempt.trigger(), settled.counted());
        return settled;
    }
}
