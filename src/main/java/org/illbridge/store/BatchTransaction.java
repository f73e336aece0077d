package org.illbridge.store;

import java.util.List;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One database transaction for a batch of units of work — a connection's APDUs read together — with
 * the writes nobody waits for held back until just before the commit ({@link DeferredWrites}). The
 * batch is all or nothing: at the first unit that fails, or that spoiled the transaction (a
 * statement of it failed), everything is rolled back and the caller can do the units one by one.
 */
public final class BatchTransaction {

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public BatchTransaction(TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code unit} for each item, in order, in one transaction.
     *
     * @param unit true when the item's work went through
     * @return true when all went through and the transaction is committed; false when one did not
     *     (then nothing of the batch is in the database)
     * @throws RuntimeException when the commit failed (then nothing of the batch is in the database either)
     */
    public <T> boolean runAll(List<T> items, Predicate<T> unit) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            DeferredWrites.holdUntilCommit(jdbc);
            for (T item : items) {
                if (!unit.test(item) || tx.isRollbackOnly()) {
                    tx.setRollbackOnly();
                    return false;
                }
            }
            return true;
        }));
    }
}
