package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.adapter.persistence.testing.TestKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Several pools on one test database, as several service instances have, and what PostgreSQL sees of them. */
final class InstancePools implements AutoCloseable {

    private final PostgresExtension postgres;
    private final List<PostgresPersistence> pools = new ArrayList<>();

    /** Opens {@code count} pools; the first migrates the schema. */
    InstancePools(PostgresExtension postgres, int count) {
        this.postgres = postgres;
        pools.add(postgres.database().migratedPersistence(TestKeys.ring()));
        for (int i = 1; i < count; i++) {
            pools.add(postgres.database().newPersistence(TestKeys.ring()));
        }
    }

    PostgresPersistence get(int i) {
        return pools.get(i);
    }

    /** Ends a backend the way a crash of its client process ends it: its transaction rolls back, its locks go. */
    void terminateBackend(int pid) throws Exception {
        try (Connection connection = postgres.database().openConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, pid);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    throw new IllegalStateException("PostgreSQL did not terminate backend " + pid);
                }
            }
        }
    }

    @Override
    public void close() {
        pools.forEach(PostgresPersistence::close);
    }
}
