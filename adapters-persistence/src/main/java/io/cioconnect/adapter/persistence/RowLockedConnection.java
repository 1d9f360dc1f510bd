package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.application.port.out.ConnectionStore.LockedConnection;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import java.util.Optional;

/** A connection row held {@code FOR UPDATE}; writes go through the transaction that holds the lock. */
final class RowLockedConnection implements LockedConnection {

    private final ConnectionDao dao;
    private final FieldCipher cipher;
    private final ConnectionId id;
    private Optional<Connection> current;

    RowLockedConnection(ConnectionDao dao, FieldCipher cipher, ConnectionId id, Optional<Connection> current) {
        this.dao = dao;
        this.cipher = cipher;
        this.id = id;
        this.current = current;
    }

    @Override
    public Optional<Connection> current() {
        return current;
    }

    @Override
    public Connection save(Connection updated) {
        if (!updated.id().equals(id)) {
            throw new IllegalArgumentException("only the locked connection can be saved under its lock");
        }
        if (current.isEmpty()) {
            throw new IllegalStateException("the locked connection no longer exists");
        }
        ConnectionRow row = ConnectionRow.from(updated, cipher);
        long version = dao.update(row).orElseThrow(() -> new IllegalStateException("the locked connection vanished"));
        Connection saved = row.toDomain(updated.tokens().accessToken(), updated.tokens().refreshToken())
                .withVersion(version);
        current = Optional.of(saved);
        return saved;
    }
}
