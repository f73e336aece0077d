package org.illbridge.camel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.netty.NettyConstants;
import org.illbridge.camel.netty.InboundFrame;
import org.illbridge.store.InboxSpool;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.ReceivedBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The first step for every frame: store its exact bytes, the peer, the listener and the time in
 * the inbox, committed on their own. When the database cannot take them, the frame goes to the
 * spool on disk instead (and into the inbox once the database is back). Afterwards the body is
 * the APDU's bytes and the headers name the inbox entry.
 */
public final class InboxWriter implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);

    /** The inbox id of the frame being processed. */
    public static final String INBOX_ID = "IllbridgeInboxId";
    /** {@link InboxStatus#code()} of the stored entry, or {@link #SPOOLED}. */
    public static final String INBOX_STATUS = "IllbridgeInboxStatus";
    /** The peer's address, {@code host:port}. */
    public static final String PEER = "IllbridgePeer";
    /** The inbox status header's value for a frame kept in the spool, not yet in the database. */
    public static final String SPOOLED = "spooled";

    private final InboxStore inbox;
    private final InboxSpool spool;
    private final String listener;
    private final Clock clock;

    public InboxWriter(InboxStore inbox, InboxSpool spool, String listener, Clock clock) {
        this.inbox = inbox;
        this.spool = spool;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        InboundFrame frame = message.getMandatoryBody(InboundFrame.class);
        String peer = address(message.getHeader(NettyConstants.NETTY_REMOTE_ADDRESS, SocketAddress.class));
        InboxStatus status = frame.isComplete() ? InboxStatus.RECEIVED : InboxStatus.UNFRAMED;
        ReceivedBytes received = new ReceivedBytes(frame.bytes(), peer, listener, clock.instant(), status, frame.framingError());
        message.setHeader(PEER, peer);
        message.setBody(frame.bytes());
        try {
            message.setHeader(INBOX_ID, inbox.store(received));
            message.setHeader(INBOX_STATUS, status.code());
        } catch (DataAccessException unavailable) {
            Path file = spoolOrFail(received, unavailable);
            LOG.error("Inbox database unavailable ({}); {} bytes from {} kept in {} until it is back",
                    unavailable.getMostSpecificCause().getMessage(), received.bytes().length, peer, file);
            message.setHeader(INBOX_STATUS, SPOOLED);
        }
    }

    private Path spoolOrFail(ReceivedBytes received, DataAccessException unavailable) throws IOException {
        try {
            return spool.spool(received);
        } catch (IOException spoolFailed) {
            spoolFailed.addSuppressed(unavailable);
            throw spoolFailed;
        }
    }

    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return address == null ? "unknown" : address.toString();
    }
}
