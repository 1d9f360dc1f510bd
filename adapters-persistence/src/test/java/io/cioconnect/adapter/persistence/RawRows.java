package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on the tables, beneath the stores: what someone with a copy of the database would see. */
final class RawRows {

    static final List<String> TABLES = List.of("connect_sessions", "pending_authorizations", "pending_key_forms",
            "connections", "pending_revocations", "oauth_client_registrations");

    private RawRows() {
    }

    /** Every row of every table, each rendered whole as PostgreSQL's text form of the row. */
    static List<String> everyRow(TestDatabase database) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String table : TABLES) {
            rows.addAll(strings(database, "SELECT t::text FROM " + table + " t"));
        }
        return rows;
    }

    /** Every value of the encrypted columns, NULLs left out. */
    static List<String> everyCiphertext(TestDatabase database) throws SQLException {
        List<String> values = new ArrayList<>();
        values.addAll(strings(database, "SELECT access_token FROM connections"));
        values.addAll(strings(database, "SELECT refresh_token FROM connections WHERE refresh_token IS NOT NULL"));
        values.addAll(strings(database, "SELECT pkce_verifier FROM pending_authorizations"));
        values.addAll(strings(database, "SELECT token FROM pending_revocations"));
        values.addAll(strings(database,
                "SELECT client_secret FROM oauth_client_registrations WHERE client_secret IS NOT NULL"));
        return values;
    }

    static List<String> strings(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.openConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }

    static int update(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }
}
