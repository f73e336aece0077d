package org.illbridge.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for units of database work handed in from many threads (the APDUs being applied):
 * one writer thread runs the units waiting at that moment in one database transaction, each behind
 * a savepoint of its own, and commits once — one flush per batch instead of one per unit. A unit
 * that throws is rolled back to its savepoint alone; the others commit. Each caller waits until
 * its unit's batch is committed and then gets its result or its exception, so nothing is reported
 * done before it is durable. With a batch size of 1 each unit runs in a transaction of its own on
 * the caller's thread. A caller already inside a transaction runs its unit there, and that
 * transaction's commit is the one that counts: a unit that throws then spoils it (rollback only),
 * so units report what they refused as results, having written nothing.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private record Unit<T>(Supplier<T> work, CompletableFuture<T> done) {
    }

    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final Thread writer;
    private volatile boolean running = true;

    public GroupCommit(TransactionTemplate transactions, int maxBatch, String name) {
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        if (maxBatch > 1) {
            this.writer = new Thread(this::run, name);
            this.writer.setDaemon(true);
            this.writer.start();
        } else {
            this.writer = null;
        }
    }

    /**
     * Runs {@code work} in a database transaction shared with whatever else is waiting, and returns
     * its result once that transaction is committed.
     *
     * @throws RuntimeException what the work threw (after its batch committed without it), or why the
     *     batch could not be committed (then nothing of the work is in the database)
     */
    public <T> T execute(Supplier<T> work) {
        // on the caller's thread: with no writer, or inside the caller's transaction (a connection's batch
        // of APDUs), which the work then joins and whose commit counts
        if (writer == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return transactions.execute(tx -> work.get());
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        if (!running) {
            throw new IllegalStateException("the group commit writer has stopped");
        }
        queue.add(new Unit<>(work, done));
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the group commit", e);
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Unit<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Unit<?>> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void commit(List<Unit<?>> batch) {
        List<Runnable> outcomes = new ArrayList<>(batch.size());
        try {
            transactions.executeWithoutResult(tx -> {
                for (Unit<?> unit : batch) {
                    outcomes.add(runBehindSavepoint(unit, tx));
                }
            });
        } catch (RuntimeException failed) {
            LOG.debug("A batch of {} unit(s) could not be committed: {}", batch.size(), failed.getMessage());
            batch.forEach(unit -> unit.done().completeExceptionally(failed));
            return;
        }
        outcomes.forEach(Runnable::run);
    }

    /** Runs the unit; what it gave (or threw) is released to its caller only after the commit. */
    private static <T> Runnable runBehindSavepoint(Unit<T> unit, TransactionStatus tx) {
        Object savepoint = tx.createSavepoint();
        try {
            T result = unit.work().get();
            tx.releaseSavepoint(savepoint);
            return () -> unit.done().complete(result);
        } catch (RuntimeException e) {
            tx.rollbackToSavepoint(savepoint);
            return () -> unit.done().completeExceptionally(e);
        }
    }

    /** Commits what was handed in already, then stops. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(10_000);
        }
    }
}
