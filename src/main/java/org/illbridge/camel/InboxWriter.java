package org.illbridge.camel;

import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.netty.NettyConstants;
import org.illbridge.camel.netty.InFlightFrames;
import org.illbridge.camel.netty.InboundFrame;
import org.illbridge.store.InboxIntake;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.ReceivedBytes;

/**
 * The first step for every frame: keep its exact bytes, the peer, the listener and the time —
 * in the inbox, or in the spool while the database is away ({@link InboxIntake}) — and only then
 * let the connection read on. Afterwards the body is the APDU's bytes and the headers name the
 * inbox entry.
 */
public final class InboxWriter implements Processor {

    /** The inbox id of the frame being processed. */
    public static final String INBOX_ID = "IllbridgeInboxId";
    /** {@link InboxStatus#code()} of the stored entry, or {@link #SPOOLED}. */
    public static final String INBOX_STATUS = "IllbridgeInboxStatus";
    /** The peer's address, {@code host:port}. */
    public static final String PEER = "IllbridgePeer";
    /** The inbox status header's value for a frame kept in the spool, not yet in the database. */
    public static final String SPOOLED = "spooled";

    private final InboxIntake intake;
    private final String listener;
    private final Clock clock;

    public InboxWriter(InboxIntake intake, String listener, Clock clock) {
        this.intake = intake;
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
        InboxIntake.Kept kept;
        try {
            kept = intake.keep(received);
        } finally {
            release(message, frame);
        }
        if (kept.inInbox()) {
            message.setHeader(INBOX_ID, kept.inboxId());
            message.setHeader(INBOX_STATUS, status.code());
        } else {
            message.setHeader(INBOX_STATUS, SPOOLED);
        }
    }

    /** The connection may read on: this frame is durable (or, if neither database nor spool took it, given up). */
    private static void release(Message message, InboundFrame frame) {
        ChannelHandlerContext connection = message.getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT,
                ChannelHandlerContext.class);
        if (frame.isComplete() && connection != null) {
            InFlightFrames.kept(connection.channel(), frame.bytes().length);
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
