package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.EncryptedColumn;
import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts every ciphertext not made with the current key, a batch per transaction, in id order, with
 * {@code FOR UPDATE SKIP LOCKED}: it never blocks a running service, loses nothing if stopped (each batch
 * is committed), and a second run only does what is left. Rows are not otherwise changed (no version bump).
 */
public final class Rekeyer {

    private static final Logger LOG = LoggerFactory.getLogger(Rekeyer.class);
    /** Rows held by a refresh during one pass are usually free on the next. */
    private static final int MAX_PASSES = 3;

    private final Jdbi jdbi;
    private final FieldCipher cipher;
    private final int batchSize;

    Rekeyer(Jdbi jdbi, FieldCipher cipher, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.batchSize = batchSize;
    }

    /** Runs until every row is under the current key, or rows stay busy for {@value #MAX_PASSES} passes. */
    public RekeyReport run() {
        return run(RekeyProgress.SILENT);
    }

    /** Like {@link #run()}, telling {@code progress} about every committed batch. */
    public RekeyReport run(RekeyProgress progress) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        long remaining = Long.MAX_VALUE;
        for (int pass = 0; pass < MAX_PASSES && remaining > 0; pass++) {
            for (EncryptedTable table : EncryptedTable.ALL) {
                counts.merge(table.name(), rekeyTable(table, progress), Integer::sum);
            }
            remaining = stale().values().stream().mapToLong(Long::longValue).sum();
        }
        RekeyReport report = new RekeyReport(cipher.currentKeyId(), counts, remaining);
        LOG.info("Rekey to key '{}': {} rows re-encrypted {}, {} left", report.keyId(), report.reencrypted(),
                report.reencryptedByTable(), report.remaining());
        return report;
    }

    /** Rows per table holding a ciphertext of another key than the current one; reads only, changes nothing. */
    public Map<String, Long> stale() {
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> {
            Map<String, Long> stale = new LinkedHashMap<>();
            for (EncryptedTable table : EncryptedTable.ALL) {
                stale.put(table.name(), handle.createQuery(table.countStaleSql()).bind("kid", cipher.currentKeyId())
                        .mapTo(Long.class).one());
            }
            return stale;
        }));
    }

    private int rekeyTable(EncryptedTable table, RekeyProgress progress) {
        int total = 0;
        String after = table.lowestId();
        while (true) {
            String from = after;
            List<Map<String, Object>> batch = DatabaseFailures.call(() -> jdbi.inTransaction(handle -> reencryptBatch(handle, table, from)));
            total += batch.size();
            if (!batch.isEmpty()) {
                progress.batchDone(table.name(), batch.size(), total);
            }
            if (batch.size() < batchSize) {
                return total;
            }
            after = (String) batch.get(batch.size() - 1).get("row_id");
        }
    }

    private List<Map<String, Object>> reencryptBatch(Handle handle, EncryptedTable table, String after) {
        List<Map<String, Object>> rows = handle.createQuery(table.selectBatchSql())
                .bind("after", after)
                .bind("kid", cipher.currentKeyId())
                .bind("limit", batchSize)
                .mapToMap()
                .list();
        for (Map<String, Object> row : rows) {
            String rowId = (String) row.get("row_id");
            Update update = handle.createUpdate(table.updateSql()).bind("rowId", rowId);
            for (EncryptedColumn column : table.columns()) {
                update.bind(column.column(), reencrypt((String) row.get(column.column()), column, rowId));
            }
            update.execute();
        }
        return rows;
    }

    private String reencrypt(String stored, EncryptedColumn column, String rowId) {
        if (stored == null || cipher.isCurrent(stored)) {
            return stored;
        }
        return cipher.encrypt(cipher.decrypt(stored, column, rowId), column, rowId);
    }
}
