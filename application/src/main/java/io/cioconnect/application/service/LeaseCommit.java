package io.cioconnect.application.service;

import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.RefreshLease;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.application.service.RefreshOutcome.Settled;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.WebhookEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one write of a leased refresh: every outcome that changes the connection (new tokens, a failure, a
 * lost grant) goes through {@link ConnectionStore#completeRefresh}, one short transaction that holds only
 * while the lease is still ours. A lost lease is a lost race: what is stored stands. A lease the attempt
 * did not write with is given back. The webhook event a written change announces (a lost grant, a refresh
 * failing or recovered) joins that transaction, so it is in the outbox exactly when the change is stored.
 */
final class LeaseCommit {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseCommit.class);

    private final ConnectionStore connections;
    private final ChangeAnnouncer announcer;
    private final Clock clock;
    private final RefreshLease lease;
    private final Connection claimed;
    private final RefreshAttempt attempt;
    private boolean written;

    LeaseCommit(ConnectionStore connections, ChangeAnnouncer announcer, Clock clock, RefreshLease lease,
            Connection claimed, RefreshAttempt attempt) {
        this.connections = connections;
        this.announcer = announcer;
        this.clock = clock;
        this.lease = lease;
        this.claimed = claimed;
        this.attempt = attempt;
    }

    /** Writes {@code result}; {@code failure} says why there is no new token (null: there is one, or no grant). */
    Settled write(Connection result, Outcome counted, ProviderFailure failure) {
        written = true;
        Optional<Connection> stored = connections.completeRefresh(lease, result,
                WebhookEventType.ofRefresh(claimed, result).flatMap(type -> announcer.announce(type, result)));
        Instant now = clock.instant();
        if (stored.isEmpty()) {
            LOG.info("Connection {}: the refresh lease passed to another worker; what it stored stands", lease.id());
            return RefreshDecision.afterLostLease(connections.findById(lease.id()), attempt, now);
        }
        Connection saved = stored.get();
        if (!saved.isActive()) {
            return new Settled(new RefreshOutcome.ReauthorizationRequired(), counted);
        }
        RefreshOutcome outcome = failure == null ? new RefreshOutcome.Fresh(saved)
                : RefreshOutcome.withoutNewToken(saved, failure, now);
        return new Settled(outcome, counted);
    }

    /** Gives the lease back when nothing was written with it, so that nobody waits for it to end. */
    void releaseUnlessWritten() {
        if (written) {
            return;
        }
        try {
            connections.releaseRefresh(lease);
        } catch (RuntimeException e) {
            LOG.warn("Connection {}: could not give the refresh lease back (it ends by itself): {}", lease.id(),
                    e.toString());
        }
    }
}
