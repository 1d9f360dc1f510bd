package io.cioconnect.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * Makes the seeded connections due for the background refresher, and checks afterwards what became of
 * them. Only expiry times are touched: the tokens and their ciphertexts stay as the service wrote them.
 */
final class SweepFixture {

    private final String jdbcUrl;

    SweepFixture(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Every seeded token now expires in two minutes, inside the default five-minute {@code REFRESH_WINDOW}. */
    int makeSeededConnectionsDue() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", null);
                Statement statement = connection.createStatement()) {
            return statement.executeUpdate("UPDATE connections SET access_token_expires_at = now() + interval '2 minutes',"
                    + " next_refresh_at = NULL WHERE owner LIKE '" + Seeder.OWNER_PREFIX + "%'");
        }
    }

    /** These connections' tokens now expire in {@code seconds} (due for {@code access-token} inside its skew). */
    int makeDue(List<UUID> ids, int seconds) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", null);
                PreparedStatement statement = connection.prepareStatement("UPDATE connections SET"
                        + " access_token_expires_at = now() + make_interval(secs => ?), next_refresh_at = NULL"
                        + " WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            statement.setInt(1, seconds);
            statement.setArray(2, array);
            return statement.executeUpdate();
        }
    }

    /** Seeded connections that are active with a token good for at least half an hour more, and those that are not active. */
    long[] refreshedAndBroken() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT"
                        + " count(*) FILTER (WHERE status = 'active' AND access_token_expires_at > now() + interval '30 minutes'),"
                        + " count(*) FILTER (WHERE status <> 'active')"
                        + " FROM connections WHERE owner LIKE '" + Seeder.OWNER_PREFIX + "%'")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }
}
