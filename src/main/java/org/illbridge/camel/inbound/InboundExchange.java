package org.illbridge.camel.inbound;

import java.util.List;
import org.apache.camel.Exchange;
import org.illbridge.camel.InboxWriter;
import org.illbridge.inbound.IdentifiedApdu;
import org.illbridge.inbound.InboundOutcome;
import org.illbridge.inbound.ReceivedApdu;
import org.illbridge.inbound.Reply;

/**
 * What travels with an inbound APDU through the routes. Headers carry ids a person reads in a log
 * or a route ({@code IllbridgeInboxId}, {@code IllbridgePeer}); the state the steps hand each
 * other rides in exchange properties.
 */
public final class InboundExchange {

    /** The APDU as it arrived ({@link ReceivedApdu}). */
    public static final String RECEIVED = "IllbridgeReceived";
    /** The APDU once identified ({@link IdentifiedApdu}); what the policy route's questions are asked of. */
    public static final String APDU = "IllbridgeApdu";
    /** What became of it ({@link InboundOutcome}). */
    public static final String OUTCOME = "IllbridgeOutcome";
    /** The reply being delivered ({@link Reply}). */
    public static final String REPLY = "IllbridgeReply";
    /** How that reply went, in words. */
    public static final String REPLY_NOTE = "IllbridgeReplyNote";
    /** Set by the listener: the exchange came in on a connection that can be answered. */
    public static final String ON_CONNECTION = "IllbridgeOnConnection";
    /** The bytes camel-netty writes back on that connection when the exchange completes. */
    public static final String ANSWER = "IllbridgeAnswer";
    /**
     * Set by the listener while the APDU is processed inside its batch's database transaction: the
     * list a reply owed on a new connection joins, to be sent once that transaction is committed.
     */
    public static final String REPLY_AFTER_COMMIT = "IllbridgeReplyAfterCommit";

    private InboundExchange() {
    }

    /** Keeps the body and headers as the {@link #RECEIVED} APDU. */
    public static void keepReceived(Exchange exchange) {
        exchange.setProperty(RECEIVED, new ReceivedApdu(exchange.getMessage().getHeader(InboxWriter.INBOX_ID, Long.class),
                exchange.getMessage().getBody(byte[].class), exchange.getMessage().getHeader(InboxWriter.PEER, String.class)));
    }

    /** Puts the outcome's reply, if it has one, in {@link #REPLY}. */
    public static void keepReply(Exchange exchange) {
        InboundOutcome outcome = exchange.getProperty(OUTCOME, InboundOutcome.class);
        exchange.setProperty(REPLY, outcome == null ? null : outcome.reply().orElse(null));
    }

    /** The reply goes back on the connection the APDU came in on: the peer works that way, and the connection is there. */
    public static boolean answersOnConnection(Exchange exchange) {
        Reply reply = exchange.getProperty(REPLY, Reply.class);
        return reply != null && reply.onSameConnection() && Boolean.TRUE.equals(exchange.getProperty(ON_CONNECTION, Boolean.class));
    }

    /** The reply goes on a new connection, and the APDU's batch is not committed yet: it waits for the commit. */
    public static boolean waitsForCommit(Exchange exchange) {
        Reply reply = exchange.getProperty(REPLY, Reply.class);
        return reply != null && reply.address() != null && exchange.getProperty(REPLY_AFTER_COMMIT) != null;
    }

    /** Puts the exchange on its batch's list of replies to send after the commit. */
    @SuppressWarnings("unchecked")
    public static void sendAfterCommit(Exchange exchange) {
        exchange.getProperty(REPLY_AFTER_COMMIT, List.class).add(exchange);
    }

    static IdentifiedApdu apdu(Exchange exchange) {
        return exchange.getProperty(APDU, IdentifiedApdu.class);
    }
}
