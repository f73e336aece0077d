package org.illbridge.camel.outbound;

import io.netty.handler.timeout.ReadTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.illbridge.camel.ApduMeters;
import org.illbridge.camel.InboxWriter;
import org.illbridge.camel.IsoIllListenerRoute;
import org.illbridge.camel.PeerEndpoints;
import org.illbridge.camel.netty.InboundFrame;
import org.illbridge.config.OutboundProperties;
import org.illbridge.outbound.ClaimLostException;
import org.illbridge.outbound.OutboxEntryRefusedException;
import org.illbridge.outbound.Delivery;
import org.illbridge.outbound.OutboxDeliveries;
import org.illbridge.outbound.SendRecords;

/**
 * Drains the outbox: a Camel SQL consumer polls with the claim statement (which marks the due
 * rows sending and returns them, so rows a legacy system inserted are picked up like our own);
 * the claimed rows are split by peer — each peer's in order, the peers in parallel — and each
 * row is prepared by {@link OutboxDeliveries}, sent with {@code toD} to the peer
 * (and to its previous address during an address change), and its attempt recorded: sent, or
 * failed and scheduled again. A Direct Request style peer's answer on our connection goes into the
 * inbox and through the inbound routes like any APDU received.
 */
public final class OutboxRoute extends RouteBuilder {

    static final String DELIVER = "direct:deliver-outbox-entry";
    static final String SEND = "direct:send-outbox-entry";
    static final String SEND_AWAITING_REPLY = "direct:send-awaiting-reply";
    static final String SEND_TO_PREVIOUS_ADDRESS = "direct:send-to-previous-address";
    static final String TAKE_REPLY = "direct:take-direct-request-reply";

    public static final String ENTRY = "IllbridgeOutboxEntry";
    public static final String DELIVERY = "IllbridgeDelivery";
    static final String REACHED = "IllbridgeReached";
    static final String PEER_REPLY = "IllbridgePeerReply";
    /** The {@link SendRecords} of the peer's run of entries this poll. */
    static final String SEND_RECORDS = "IllbridgeSendRecords";
    /** Set when the entry was not sent (refused, another instance's, or the attempt failed): nothing more to do. */
    static final String NOT_SENT = "IllbridgeNotSent";

    private static final String THE_DELIVERY = "${exchangeProperty." + DELIVERY + "}";

    private final OutboundProperties properties;
    private final String claimStatement;
    private final OutboxDeliveries deliveries;
    private final PeerEndpoints peers;
    private final ApduMeters meters;
    private final Executor recorder;

    /** @param recorder where the records of sends are committed, beside the sending */
    public OutboxRoute(OutboundProperties properties, String claimStatement, OutboxDeliveries deliveries, PeerEndpoints peers,
                       ApduMeters meters, Executor recorder) {
        this.properties = properties;
        this.claimStatement = claimStatement;
        this.deliveries = deliveries;
        this.peers = peers;
        this.meters = meters;
        this.recorder = recorder;
    }

    @Override
    public void configure() {
        // greedy: poll again at once while the last poll found rows; each peer's rows in the order
        // they were written, the peers in parallel (the next poll waits until all are done)
        from("sql:file:" + claimStatement + "?dataSource=#dataSource&useIterator=false&initialDelay=1000&greedy=true"
                + "&delay=" + properties.drainInterval().toMillis())
                .routeId("outbox-drain")
                .split(method(deliveries, "byPeer")).parallelProcessing().id("each-peer-in-parallel")
                    .process(exchange -> exchange.setProperty(SEND_RECORDS, new SendRecords(recorder))).id("records-in-turn")
                    .split(body()).id("each-entry-in-order")
                        .to(DELIVER).id("deliver-entry")
                    .end()
                    .process(exchange -> exchange.getProperty(SEND_RECORDS, SendRecords.class).awaitAll())
                        .id("all-sends-recorded")
                .end();

        from(DELIVER).routeId("deliver-outbox-entry")
                .setProperty(ENTRY, method(deliveries, "entryOf(${body})")).id("claimed-entry")
                .setProperty(REACHED, ArrayList::new).id("reached-no-one-yet")
                .doTry()
                    .to(SEND).id("send-to-peer")
                .doCatch(ClaimLostException.class)
                    .log("Outbox ${exchangeProperty." + ENTRY + ".id()} is another instance's to send now").id("log-claim-lost")
                    .setProperty(NOT_SENT, constant(true)).id("not-ours")
                .doCatch(OutboxEntryRefusedException.class)
                    .log("${exception.message}").id("log-refused-legacy-row")
                    .setProperty(NOT_SENT, constant(true)).id("refused-not-sent")
                .doCatch(Exception.class)
                    .bean(deliveries, "failed(${exchangeProperty." + ENTRY + "}, " + THE_DELIVERY + ", ${exception})")
                        .id("record-failed-attempt")
                    .process(exchange -> meters.attempt(exchange, "failed")).id("count-failed-attempt")
                    .setProperty(NOT_SENT, constant(true)).id("next-entry")
                .end()
                .filter(exchangeProperty(NOT_SENT).isNull()).id("only-if-sent")
                    .split(simple("${exchangeProperty." + DELIVERY + ".previousAddresses()}")).id("each-previous-address")
                        .to(SEND_TO_PREVIOUS_ADDRESS).id("also-to-previous-address")
                    .end()
                    .process(this::recordSent).id("record-sent")
                    .process(exchange -> meters.attempt(exchange, "sent")).id("count-sent")
                    .filter(exchangeProperty(PEER_REPLY).isNotNull()).id("only-with-a-peer-reply")
                        .to(TAKE_REPLY).id("take-peer-reply")
                    .end()
                .end();

        from(SEND).routeId("send-outbox-entry")
                .setProperty(DELIVERY, method(deliveries, "prepare(${exchangeProperty." + ENTRY + "})")).id("encode-for-peer")
                .setBody(simple("${exchangeProperty." + DELIVERY + ".bytes()}")).id("apdu-bytes")
                .process(meters::sendStarted).id("time-the-send")
                .choice().id("how-the-peer-answers")
                    .when(simple("${exchangeProperty." + DELIVERY + ".awaitsReply()}")).id("peer-answers-on-our-connection")
                        .to(SEND_AWAITING_REPLY).id("send-and-wait")
                    .otherwise()
                        .toD(peers.oneWay("${exchangeProperty." + DELIVERY + ".address()}")).id("send-one-way")
                .end()
                .process(OutboxRoute::reachedPrimary).id("reached-peer");

        from(SEND_AWAITING_REPLY).routeId("send-awaiting-reply")
                .doTry()
                    .toD(peers.awaitingReply("${exchangeProperty." + DELIVERY + ".address()}")).id("send-and-read-reply")
                    .process(OutboxRoute::keepPeerReply).id("keep-peer-reply")
                .doCatch(ReadTimeoutException.class)
                    // delivered; the peer did not answer in time
                    .log("No reply from ${exchangeProperty." + DELIVERY + ".address()} in time").id("log-no-reply")
                .end();

        from(SEND_TO_PREVIOUS_ADDRESS).routeId("send-to-previous-address")
                .setProperty("IllbridgePreviousAddress", body())
                .setBody(simple("${exchangeProperty." + DELIVERY + ".bytes()}"))
                .doTry()
                    .toD(peers.oneWay("${exchangeProperty.IllbridgePreviousAddress}")).id("send-to-old-address")
                    .process(exchange -> reached(exchange, exchange.getProperty("IllbridgePreviousAddress", String.class)))
                        .id("reached-previous-address")
                .doCatch(Exception.class)
                    .log("Could not also send to ${exchangeProperty." + ENTRY + ".peerSymbol()}'s previous address"
                            + " ${exchangeProperty.IllbridgePreviousAddress}: ${exception.message}").id("log-previous-unreached")
                .end();

        from(TAKE_REPLY).routeId("take-direct-request-reply")
                .setHeader(InboxWriter.INBOX_ID, method(deliveries, "replyReceived(" + THE_DELIVERY
                        + ", ${exchangeProperty." + PEER_REPLY + "})")).id("keep-reply-in-inbox")
                // spooled while the database is away: the spool's replay hands it on
                .filter(header(InboxWriter.INBOX_ID).isNotNull()).id("only-if-in-inbox")
                    .setHeader(InboxWriter.PEER, simple("${exchangeProperty." + DELIVERY + ".address()}"))
                    .setBody(exchangeProperty(PEER_REPLY))
                    .removeHeaders("CamelNetty*")
                    .to(IsoIllListenerRoute.APDU_RECEIVED).id("hand-reply-to-inbound-routes")
                .end();
    }

    /** In turn with the peer's other sends of this poll: committed while the next is sent. */
    @SuppressWarnings("unchecked")
    private void recordSent(Exchange exchange) {
        deliveries.sentInTurn(exchange.getProperty(SEND_RECORDS, SendRecords.class),
                exchange.getProperty(DELIVERY, Delivery.class), exchange.getProperty(REACHED, List.class));
    }

    private static void reachedPrimary(Exchange exchange) {
        reached(exchange, exchange.getProperty(DELIVERY, Delivery.class).address());
    }

    @SuppressWarnings("unchecked")
    private static void reached(Exchange exchange, String address) {
        exchange.getProperty(REACHED, ArrayList.class).add(address);
    }

    /** The one complete APDU a Direct Request peer answered with, if it did. */
    private static void keepPeerReply(Exchange exchange) {
        InboundFrame frame = exchange.getMessage().getBody(InboundFrame.class);
        if (frame != null && frame.isComplete()) {
            exchange.setProperty(PEER_REPLY, frame.bytes());
        }
    }
}
