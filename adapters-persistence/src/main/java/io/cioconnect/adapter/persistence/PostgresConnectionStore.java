package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.application.port.out.RefreshLease;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingRevocation;
import io.cioconnect.domain.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ConnectionStore} on PostgreSQL. Every method is one short statement or transaction: refreshes are
 * coordinated by leases kept in the rows ({@link RefreshLeases}), so no pooled connection, transaction or
 * row lock is ever held while a provider is asked.
 */
final class PostgresConnectionStore implements ConnectionStore {

    static final String FIND_BY_ID = "SELECT * FROM connections WHERE id = :id";

    private final Jdbi jdbi;
    private final FieldCipher cipher;
    private final RefreshLeases leases;

    PostgresConnectionStore(Jdbi jdbi, FieldCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.leases = new RefreshLeases(jdbi, cipher);
    }

    /**
     * The read behind every {@code access-token} call, so it skips what a SqlObject call costs each time
     * (attaching the extension, a reflective row mapper): a plain query and {@link ConnectionRowMapper}.
     */
    @Override
    public Optional<Connection> findById(ConnectionId id) {
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle.createQuery(FIND_BY_ID)
                        .bind("id", id.value())
                        .map(ConnectionRowMapper.INSTANCE)
                        .findOne()))
                .map(row -> row.toDomain(cipher));
    }

    @Override
    public List<Connection> findByOwner(Owner owner) {
        return DatabaseFailures.call(() -> jdbi.withExtension(ConnectionDao.class, dao -> dao.findByOwner(owner.value())))
                .stream()
                .map(row -> row.toDomain(cipher))
                .toList();
    }

    /** The callback's write: the upsert runs as a plain query for the reason given at {@link #findById}. */
    @Override
    public Connection saveConnected(Connection candidate) {
        ConnectionRow row = ConnectionRow.from(candidate, cipher);
        ConnectionRow stored = DatabaseFailures.call(() -> jdbi.inTransaction(handle -> {
            ConnectionDao.Identity identity = handle.createQuery(ConnectionDao.UPSERT)
                    .bindMethods(row)
                    .map((rs, ctx) -> new ConnectionDao.Identity(rs.getObject("id", UUID.class),
                            ResultSets.instant(rs, "created_at"), rs.getLong("version")))
                    .one();
            if (identity.id().equals(row.id())) {
                return row.withIdentity(identity.id(), identity.createdAt(), identity.version());
            }
            ConnectionDao dao = handle.attach(ConnectionDao.class);
            // Reconnected: the upsert holds the existing row's lock until commit, so this completes it atomically.
            ConnectionRow reencrypted = ConnectionRow.from(candidate, identity.id(), cipher)
                    .withIdentity(identity.id(), identity.createdAt(), identity.version());
            dao.updateTokens(reencrypted);
            return reencrypted;
        }));
        return stored.toDomain(candidate.tokens().accessToken(), candidate.tokens().refreshToken());
    }

    @Override
    public LeaseClaim claimRefresh(RefreshLease wanted, Instant now) {
        return leases.claim(wanted, now);
    }

    @Override
    public List<LeaseClaim.Claimed> claimDue(ProviderId provider, Instant now, Duration window, UUID holder,
            Instant until, int limit) {
        return leases.claimDue(provider, now, window, holder, until, limit);
    }

    @Override
    public Optional<Connection> completeRefresh(RefreshLease lease, Connection result) {
        return leases.complete(lease, result);
    }

    @Override
    public void releaseRefresh(RefreshLease lease) {
        leases.release(lease);
    }

    @Override
    public Optional<DeletedConnection> delete(ConnectionId id,
            Function<Connection, Optional<PendingRevocation>> revocationFor) {
        return DatabaseFailures.call(() -> jdbi.inTransaction(handle -> {
            Optional<Connection> removed = handle.attach(ConnectionDao.class).delete(id.value())
                    .map(row -> row.toDomain(cipher));
            if (removed.isEmpty()) {
                return Optional.<DeletedConnection>empty();
            }
            Optional<PendingRevocation> revocation = revocationFor.apply(removed.get());
            revocation.ifPresent(r -> handle.attach(RevocationDao.class).insert(RevocationRow.from(r, cipher)));
            return Optional.of(new DeletedConnection(removed.get(), revocation));
        }));
    }
}
