package org.illbridge.outbound;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The records of one peer's run of sends ({@link OutboxDeliveries#sent}), committed in the order
 * of the sends while the next APDU is already on its way: each record runs after the one before
 * it, and a send waits only for the record before its own. So a peer's APDUs still go one after
 * another in order, the commit that records one overlaps the sending of the next, and at most two
 * of a peer's APDUs are ever sent and not yet recorded (the window in which a crash can make a
 * row be sent again). One per peer and poll; not shared.
 */
public final class SendRecords {

    private final Executor executor;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    public SendRecords(Executor executor) {
        this.executor = executor;
    }

    /** Queues the record of a send that just happened, then waits until the record before it is committed. */
    public void add(Runnable record) {
        CompletableFuture<Void> before = last;
        last = before.thenRunAsync(record, executor);
        before.join();
    }

    /** Waits until every record queued is committed (the run is over). */
    public void awaitAll() {
        last.join();
    }
}
