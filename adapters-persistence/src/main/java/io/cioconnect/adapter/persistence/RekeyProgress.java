package io.cioconnect.adapter.persistence;

/** Told after every committed {@code rekey} batch, so an operator watching a long run sees it move. */
@FunctionalInterface
public interface RekeyProgress {

    RekeyProgress SILENT = (table, batchRows, tableTotal) -> { };

    /** {@code batchRows} rows of {@code table} were re-encrypted and committed; {@code tableTotal} so far in this run. */
    void batchDone(String table, int batchRows, int tableTotal);
}
