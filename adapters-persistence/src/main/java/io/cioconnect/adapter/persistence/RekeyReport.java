package io.cioconnect.adapter.persistence;

import java.util.Map;

/**
 * What a {@code rekey} run did: rows re-encrypted per table under {@code keyId}, and how many rows still
 * hold a ciphertext of another key (rows busy during the run; run it again to finish them).
 */
public record RekeyReport(String keyId, Map<String, Integer> reencryptedByTable, long remaining) {

    public RekeyReport {
        reencryptedByTable = Map.copyOf(reencryptedByTable);
    }

    public int reencrypted() {
        return reencryptedByTable.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean isComplete() {
        return remaining == 0;
    }
}
