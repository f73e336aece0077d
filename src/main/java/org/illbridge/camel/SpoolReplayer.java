package org.illbridge.camel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.illbridge.store.InboxSpool;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.ReceivedBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Moves spooled frames into the inbox, oldest first, keeping the time they arrived. Stops at the
 * first failure (the database is still away); the rest wait for the next round. The body becomes
 * the list of complete APDUs moved, for the route to hand on like any other.
 */
public final class SpoolReplayer implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolReplayer.class);

    /** One frame moved from the spool into the inbox. */
    public record Replayed(long inboxId, ReceivedBytes received) {
    }

    private final InboxStore inbox;
    private final InboxSpool spool;

    public SpoolReplayer(InboxStore inbox, InboxSpool spool) {
        this.inbox = inbox;
        this.spool = spool;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        List<Replayed> moved = new ArrayList<>();
        for (Path file : spool.pending()) {
            ReceivedBytes received = spool.read(file);
            long id;
            try {
                id = inbox.store(received);
            } catch (DataAccessException stillAway) {
                LOG.debug("Inbox still unavailable; {} frame(s) wait in the spool", spool.pending().size());
                break;
            }
            spool.remove(file);
            LOG.info("Moved {} bytes from {} (received {}) from the spool into inbox entry {}",
                    received.bytes().length, received.peer(), received.receivedAt(), id);
            if (received.status() == InboxStatus.RECEIVED) {
                moved.add(new Replayed(id, received));
            }
        }
        exchange.getMessage().setBody(moved);
    }
}
