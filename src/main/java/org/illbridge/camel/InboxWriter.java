package org.illbridge.camel;

import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.netty.NettyConstants;
import org.illbridge.camel.netty.InFlightFrames;
import org.illbridge.camel.netty.InboundFrame;
import org.illbridge.camel.netty.InboundFrames;
import org.illbridge.store.InboxIntake;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.ReceivedBytes;

/**
 * The first step for every frame: keep its exact bytes, the peer, the listener and the time —
 * in the inbox, or in the spool while the database is away ({@link InboxIntake}) — and only then
 * let the connection read on. The frames of one read are kept together (one commit); afterwards
 * the body is the list of {@link KeptFrame}s and {@link #PEER} names the sender.
 */
public final class InboxWriter implements Processor {

    /** The inbox id of the frame being processed. */
    public static final String INBOX_ID = "IllbridgeInboxId";
    /** {@link InboxStatus#code()} of the stored entry. */
    public static final String INBOX_STATUS = "IllbridgeInboxStatus";
    /** The peer's address, {@code host:port}. */
    public static final String PEER = "IllbridgePeer";

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
        List<InboundFrame> frames = message.getMandatoryBody(InboundFrames.class).frames();
        String peer = address(message.getHeader(NettyConstants.NETTY_REMOTE_ADDRESS, SocketAddress.class));
        List<ReceivedBytes> received = new ArrayList<>(frames.size());
        for (InboundFrame frame : frames) {
            received.add(new ReceivedBytes(frame.bytes(), peer, listener, clock.instant(),
                    frame.isComplete() ? InboxStatus.RECEIVED : InboxStatus.UNFRAMED, frame.framingError()));
        }
        List<InboxIntake.Kept> kept;
        try {
            kept = intake.keepAll(received);
        } finally {
            release(message, frames);
        }
        List<KeptFrame> body = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            body.add(new KeptFrame(frames.get(i).bytes(), kept.get(i).inboxId(), frames.get(i).isComplete()));
        }
        message.setHeader(PEER, peer);
        message.setBody(body);
    }

    /** The connection may read on: these frames are durable (or, if neither database nor spool took them, given up). */
    private static void release(Message message, List<InboundFrame> frames) {
        ChannelHandlerContext connection = message.getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT,
                ChannelHandlerContext.class);
        if (connection == null) {
            return;
        }
        for (InboundFrame frame : frames) {
            if (frame.isComplete()) {
                InFlightFrames.kept(connection.channel(), frame.bytes().length);
            }
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
