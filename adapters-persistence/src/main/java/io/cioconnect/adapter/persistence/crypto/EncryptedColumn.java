package io.cioconnect.adapter.persistence.crypto;

import java.util.Objects;
import java.util.regex.Pattern;

/** A table column that holds ciphertexts; with a row id it forms the associated data that pins a ciphertext in place. */
public record EncryptedColumn(String table, String column) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public EncryptedColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("table and column must be plain lower-case SQL identifiers");
        }
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
