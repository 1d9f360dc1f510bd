package io.cioconnect.application.service;

import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.RefreshLease;
import io.cioconnect.application.port.out.StoreUnavailableException;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ListPosition;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** A connection store whose database is down: every call fails as the PostgreSQL store would. */
final class UnavailableConnectionStore implements ConnectionStore {

    private static StoreUnavailableException down() {
        return new StoreUnavailableException("the database is not answering");
    }

    @Override
    public Optional<Connection> findById(ConnectionId id) {
        throw down();
    }

    @Override
    public List<Connection> list(ConnectionFilter filter, ListPosition after, int limit) {
        throw down();
    }

    @Override
    public Connection saveConnected(Connection candidate,
            Function<Connection, Optional<PendingRevocation>> revocationOfReplaced, ChangeAnnouncer announcer) {
        throw down();
    }

    @Override
    public LeaseClaim claimRefresh(RefreshLease wanted, Instant now) {
        throw down();
    }

    @Override
    public List<LeaseClaim.Claimed> claimDue(ProviderId provider, Instant now, Duration window, UUID holder,
            Instant until, int limit) {
        throw down();
    }

    @Override
    public Optional<Connection> completeRefresh(RefreshLease lease, Connection result,
            Optional<WebhookEvent> announcement) {
        throw down();
    }

    @Override
    public void releaseRefresh(RefreshLease lease) {
        throw down();
    }

    @Override
    public Optional<DeletedConnection> delete(ConnectionId id,
            Function<Connection, Optional<PendingRevocation>> revocationFor, ChangeAnnouncer announcer) {
        throw down();
    }
}
