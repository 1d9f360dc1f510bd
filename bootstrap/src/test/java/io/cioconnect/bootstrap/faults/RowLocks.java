package io.cioconnect.bootstrap.faults;

import io.cioconnect.adapter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Looks at a connection's row lock and refresh lease from outside the service, with plain JDBC. */
final class RowLocks {

    /** PostgreSQL's {@code lock_not_available}. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private RowLocks() {
    }

    /** True when some transaction holds the row lock of connection {@code id}; never waits for it. */
    static boolean isLocked(TestDatabase database, String id) throws SQLException {
        try (Connection connection = database.openConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT id FROM connections WHERE id = ? FOR UPDATE NOWAIT")) {
                lock.setObject(1, UUID.fromString(id));
                lock.executeQuery().close();
                return false;
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    return true;
                }
                throw e;
            } finally {
                connection.rollback();
            }
        }
    }

    /** When the refresh lease on connection {@code id} ends, if someone holds one. */
    static Optional<Instant> leaseEnd(TestDatabase database, String id) throws SQLException {
        try (Connection connection = database.openConnection();
                PreparedStatement lease = connection.prepareStatement(
                        "SELECT refresh_lease_until FROM connections WHERE id = ?")) {
            lease.setObject(1, UUID.fromString(id));
            try (ResultSet row = lease.executeQuery()) {
                row.next();
                return Optional.ofNullable(row.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
            }
        }
    }
}
