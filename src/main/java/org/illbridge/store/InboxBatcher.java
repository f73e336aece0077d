package org.illbridge.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the inbox: frames handed in from any connection while a batch is being written
 * go into the next one, so durability costs one transaction (one flush) per batch, not per frame.
 * One writer thread; each caller waits on its own frame's future.
 */
public final class InboxBatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxBatcher.class);

    private record Pending(ReceivedBytes frame, CompletableFuture<Long> stored) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final InboxStore inbox;
    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final Thread writer;
    private volatile boolean running = true;

    public InboxBatcher(InboxStore inbox, TransactionTemplate transactions, int maxBatch) {
        this.inbox = inbox;
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::run, "inbox-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** The frame's inbox id once its batch is committed. */
    public CompletableFuture<Long> submit(ReceivedBytes frame) {
        CompletableFuture<Long> stored = new CompletableFuture<>();
        if (!running) {
            stored.completeExceptionally(new IllegalStateException("the inbox writer has stopped"));
            return stored;
        }
        queue.add(new Pending(frame, stored));
        return stored;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<Long> ids = transactions.execute(tx -> inbox.storeAll(batch.stream().map(Pending::frame).toList()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored().complete(ids.get(i));
            }
        } catch (RuntimeException failed) {
            LOG.debug("A batch of {} frame(s) could not be stored: {}", batch.size(), failed.getMessage());
            batch.forEach(pending -> pending.stored().completeExceptionally(failed));
        }
    }

    /** Writes what was handed in already, then stops. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(10_000);
    }
}
