package org.illbridge.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one way a received frame is kept: in the inbox (group-committed by {@link InboxBatcher}),
 * or — when the database does not answer within {@code writeTimeout}, or is known to be away —
 * in the spool on disk, flushed, at once. A frame counts as received only once {@link #keep}
 * returns.
 */
public final class InboxIntake {

    private static final Logger LOG = LoggerFactory.getLogger(InboxIntake.class);

    /** Where a frame was kept: its inbox entry, or the spool file that holds it until the database is back. */
    public record Kept(Long inboxId, Path spooled) {

        public boolean inInbox() {
            return inboxId != null;
        }
    }

    private final InboxBatcher batcher;
    private final InboxSpool spool;
    private final JdbcTemplate jdbc;
    private final Duration writeTimeout;
    private final AtomicBoolean databaseAway = new AtomicBoolean();

    public InboxIntake(InboxBatcher batcher, InboxSpool spool, JdbcTemplate jdbc, Duration writeTimeout) {
        this.batcher = batcher;
        this.spool = spool;
        this.jdbc = jdbc;
        this.writeTimeout = writeTimeout;
    }

    /** @throws IOException when neither the database nor the spool could take the frame */
    public Kept keep(ReceivedBytes frame) throws IOException {
        return keepAll(List.of(frame)).get(0);
    }

    /**
     * Keeps frames that came together, in their order: handed to the inbox at once (so they share
     * a commit), each waited for; those the database has not taken once the write timeout is up go
     * to the spool.
     *
     * @throws IOException when neither the database nor the spool could take a frame
     */
    public List<Kept> keepAll(List<ReceivedBytes> frames) throws IOException {
        List<CompletableFuture<Long>> stored = databaseAway.get() ? List.of()
                : frames.stream().map(batcher::submit).toList();
        long deadline = System.nanoTime() + writeTimeout.toNanos();
        List<Kept> kept = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            kept.add(stored.isEmpty()
                    ? spooled(frames.get(i), "the database is away")
                    : waitFor(frames.get(i), stored.get(i), deadline));
        }
        return kept;
    }

    private Kept waitFor(ReceivedBytes frame, CompletableFuture<Long> stored, long deadline) throws IOException {
        try {
            return new Kept(stored.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException e) {
            return away(frame, "no answer within " + writeTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return away(frame, e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return spooled(frame, "interrupted");
        }
    }

    /** The database was away; if it answers now, frames go to the inbox again. True when it is there. */
    public boolean probe() {
        if (!databaseAway.get()) {
            return true;
        }
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            databaseIsBack();
            return true;
        } catch (RuntimeException stillAway) {
            return false;
        }
    }

    /** A spooled frame reached the inbox: the database is back. */
    public void databaseIsBack() {
        if (databaseAway.compareAndSet(true, false)) {
            LOG.info("Inbox database is back; frames go to the inbox again");
        }
    }

    public boolean isDatabaseAway() {
        return databaseAway.get();
    }

    private Kept away(ReceivedBytes frame, String why) throws IOException {
        if (databaseAway.compareAndSet(false, true)) {
            LOG.error("Inbox database unavailable ({}); frames go to the spool {} until it is back", why, spool.directory());
        }
        return spooled(frame, why);
    }

    private Kept spooled(ReceivedBytes frame, String why) throws IOException {
        Path file = spool.spool(frame);
        LOG.warn("{} bytes from {} kept in {} ({})", frame.bytes().length, frame.peer(), file, why);
        return new Kept(null, file);
    }
}
