package org.illbridge.camel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.illbridge.store.InboxIntake;
import org.illbridge.store.InboxSpool;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.ReceivedBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Moves spooled frames into the inbox, oldest first, keeping the time they arrived. A frame is
 * stored once however often this runs (its frame id; a crash between storing and removing the
 * file stores nothing twice). Stops at the first failure (the database is still away); the rest
 * wait for the next round. The body becomes the list of APDUs still to be processed, for the
 * route to hand on like any other.
 */
public final class SpoolReplayer implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolReplayer.class);

    /** One frame moved from the spool into the inbox. */
    public record Replayed(long inboxId, ReceivedBytes received) {
    }

    private final InboxStore inbox;
    private final InboxSpool spool;
    private final InboxIntake intake;

    public SpoolReplayer(InboxStore inbox, InboxSpool spool, InboxIntake intake) {
        this.inbox = inbox;
        this.spool = spool;
        this.intake = intake;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        List<Replayed> moved = new ArrayList<>();
        List<Path> pending = spool.pending();
        if (pending.isEmpty()) {
            intake.probe();
        }
        for (Path file : pending) {
            ReceivedBytes received = spool.read(file);
            InboxStore.Stored stored;
            try {
                stored = inbox.storeOnce(received);
            } catch (DataAccessException stillAway) {
                LOG.debug("Inbox still unavailable; {} frame(s) wait in the spool", pending.size());
                break;
            }
            spool.remove(file);
            intake.databaseIsBack();
            LOG.info("Moved {} bytes from {} (received {}) from the spool into inbox entry {}{}",
                    received.bytes().length, received.peer(), received.receivedAt(), stored.id(),
                    stored.isNew() ? "" : " (it was there already)");
            // stored now: nobody has processed it; stored before (a move interrupted): only if nobody finished it
            boolean unprocessed = stored.isNew()
                    || inbox.find(stored.id()).map(e -> InboxStatus.RECEIVED.code().equals(e.status())).orElse(false);
            if (received.status() == InboxStatus.RECEIVED && unprocessed) {
                moved.add(new Replayed(stored.id(), received));
            }
        }
        exchange.getMessage().setBody(moved);
    }
}
