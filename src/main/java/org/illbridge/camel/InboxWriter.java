package org.illbridge.camel;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.netty.NettyConstants;
import org.illbridge.camel.netty.InboundFrame;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.ReceivedBytes;

/**
 * The first step for every frame: store its exact bytes, the peer, the listener and the time in
 * the inbox, committed on their own. Afterwards the body is the APDU's bytes and the headers name
 * the inbox entry, so every later step can refer back to what was received.
 */
public final class InboxWriter implements Processor {

    /** The inbox id of the frame being processed. */
    public static final String INBOX_ID = "IllbridgeInboxId";
    /** {@link InboxStatus#code()} of the stored entry. */
    public static final String INBOX_STATUS = "IllbridgeInboxStatus";
    /** The peer's address, {@code host:port}. */
    public static final String PEER = "IllbridgePeer";

    private final InboxStore inbox;
    private final String listener;
    private final Clock clock;

    public InboxWriter(InboxStore inbox, String listener, Clock clock) {
        this.inbox = inbox;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        InboundFrame frame = message.getMandatoryBody(InboundFrame.class);
        String peer = address(message.getHeader(NettyConstants.NETTY_REMOTE_ADDRESS, SocketAddress.class));
        InboxStatus status = frame.isComplete() ? InboxStatus.RECEIVED : InboxStatus.UNFRAMED;
        long id = inbox.store(new ReceivedBytes(
                frame.bytes(), peer, listener, clock.instant(), status, frame.framingError()));
        message.setHeader(INBOX_ID, id);
        message.setHeader(INBOX_STATUS, status.code());
        message.setHeader(PEER, peer);
        message.setBody(frame.bytes());
    }

    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return address == null ? "unknown" : address.toString();
    }
}
