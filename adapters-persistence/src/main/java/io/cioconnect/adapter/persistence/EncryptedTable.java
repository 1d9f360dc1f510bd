package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.EncryptedColumn;
import java.util.List;
import java.util.stream.Collectors;

/** A table with encrypted columns, described well enough for {@link Rekeyer} to walk it in key order. */
record EncryptedTable(String name, String idColumn, String idType, String lowestId, List<EncryptedColumn> columns) {

    static final List<EncryptedTable> ALL = List.of(
            new EncryptedTable("connections", "id", "uuid", "00000000-0000-0000-0000-000000000000",
                    List.of(ConnectionRow.ACCESS_TOKEN, ConnectionRow.REFRESH_TOKEN)),
            new EncryptedTable("pending_authorizations", "state_hash", "text", "",
                    List.of(PendingAuthorizationRow.PKCE_VERIFIER)),
            new EncryptedTable("pending_revocations", "id", "uuid", "00000000-0000-0000-0000-000000000000",
                    List.of(RevocationRow.TOKEN)),
            new EncryptedTable("oauth_client_registrations", "id", "uuid", "00000000-0000-0000-0000-000000000000",
                    List.of(ClientRegistrationRow.CLIENT_SECRET)));

    /** True (in SQL) for rows with a ciphertext not made with {@code :kid}; a NULL column never counts. */
    String staleCondition() {
        return columns.stream()
                .map(column -> "split_part(" + column.column() + ", ':', 2) <> :kid")
                .collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** The next batch of stale rows after {@code :after}, locked, skipping rows others hold. */
    String selectBatchSql() {
        String columnList = columns.stream().map(EncryptedColumn::column).collect(Collectors.joining(", "));
        return "SELECT " + idColumn + "::text AS row_id, " + columnList + " FROM " + name
                + " WHERE " + idColumn + " > CAST(:after AS " + idType + ") AND " + staleCondition()
                + " ORDER BY " + idColumn + " LIMIT :limit FOR UPDATE SKIP LOCKED";
    }

    String updateSql() {
        String assignments = columns.stream()
                .map(column -> column.column() + " = :" + column.column())
                .collect(Collectors.joining(", "));
        return "UPDATE " + name + " SET " + assignments + " WHERE " + idColumn + " = CAST(:rowId AS " + idType + ")";
    }

    String countStaleSql() {
        return "SELECT count(*) FROM " + name + " WHERE " + staleCondition();
    }
}
