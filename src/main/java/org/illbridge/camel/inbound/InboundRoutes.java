package org.illbridge.camel.inbound;

import static org.illbridge.camel.inbound.InboundExchange.APDU;
import static org.illbridge.camel.inbound.InboundExchange.OUTCOME;
import static org.illbridge.camel.inbound.InboundExchange.RECEIVED;
import static org.illbridge.camel.inbound.InboundExchange.REPLY;
import static org.illbridge.camel.inbound.InboundExchange.REPLY_NOTE;

import org.apache.camel.builder.RouteBuilder;
import org.illbridge.camel.ApduMeters;
import org.illbridge.camel.PeerEndpoints;
import org.illbridge.inbound.InboundOutcome;
import org.illbridge.inbound.InboundService;

/**
 * The fixed plumbing the inbound policy route (routes/inbound-apdu.camel.yaml) calls by name. Each
 * branch calls the {@link InboundService} through bean binding and hands the outcome on to
 * {@code reply-to-sender}, which answers on the same connection (camel-netty writes
 * {@link InboundExchange#ANSWER} back) or on a new one ({@code toD} to the peer's address).
 */
public final class InboundRoutes extends RouteBuilder {

    public static final String IDENTIFY = "direct:identify-apdu";
    public static final String APPLY = "direct:apply-apdu";
    public static final String UNKNOWN_REQUESTER = "direct:unknown-requester";
    public static final String RECORD_FOR_OCLC = "direct:record-for-oclc";
    public static final String REFUSE_UNKNOWN_SYMBOL = "direct:refuse-unknown-symbol";
    public static final String REPLY_TO_SENDER = "direct:reply-to-sender";
    public static final String REPLY_ON_NEW_CONNECTION = "direct:reply-on-new-connection";
    /** A reply held back until its APDU's batch was committed: sent on a new connection, and noted. */
    public static final String REPLY_ON_NEW_CONNECTION_AND_NOTE = "direct:reply-after-commit";
    public static final String NOTE_REPLY = "direct:note-reply";
    public static final String DEAD_LETTER = "direct:dead-letter";

    private static final String THE_APDU = "(${exchangeProperty." + APDU + "})";

    private final InboundService inbound;
    private final PeerEndpoints peers;
    private final ApduMeters meters;

    public InboundRoutes(InboundService inbound, PeerEndpoints peers, ApduMeters meters) {
        this.inbound = inbound;
        this.peers = peers;
        this.meters = meters;
    }

    @Override
    public void configure() {
        from(IDENTIFY).routeId("identify-apdu")
                .process(InboundExchange::keepReceived).id("keep-received-apdu")
                .setProperty(APDU, method(inbound, "identify(${exchangeProperty." + RECEIVED + "})")).id("decode-and-identify")
                .filter(exchangeProperty(APDU).isInstanceOf(InboundOutcome.Refused.class)).id("only-if-refused")
                    .setProperty(OUTCOME, exchangeProperty(APDU)).id("refused-on-arrival")
                    .removeProperty(APDU).id("nothing-identified")
                    .to(REPLY_TO_SENDER).id("report-refusal-on-arrival")
                    .stop().id("go-no-further")
                .end();

        branch(APPLY, "apply-apdu", "apply");
        branch(UNKNOWN_REQUESTER, "unknown-requester", "applyFromUnknownRequester");
        branch(RECORD_FOR_OCLC, "record-for-oclc", "recordForOclc");
        branch(REFUSE_UNKNOWN_SYMBOL, "refuse-unknown-symbol", "refuseUnknownSymbol");

        from(REPLY_TO_SENDER).routeId("reply-to-sender")
                .process(meters::outcome).id("count-outcome")
                .process(InboundExchange::keepReply).id("reply-owed")
                .choice().id("how-to-reply")
                    .when(exchangeProperty(REPLY).isNull()).id("no-reply-owed")
                        .setProperty(REPLY_NOTE, constant(null))
                    .when(method(InboundExchange.class, "answersOnConnection")).id("on-the-same-connection")
                        .setProperty(InboundExchange.ANSWER, simple("${exchangeProperty." + REPLY + ".bytes()}"))
                        .setProperty(REPLY_NOTE, simple("sent on the same connection to ${header.IllbridgePeer}"))
                    .when(method(InboundExchange.class, "waitsForCommit")).id("after-the-batch-commits")
                        .process(InboundExchange::sendAfterCommit).id("hold-reply-until-committed")
                        .setProperty(REPLY_NOTE, constant(null))
                    .when(simple("${exchangeProperty." + REPLY + ".address()} != null")).id("on-a-new-connection")
                        .to(REPLY_ON_NEW_CONNECTION).id("open-a-connection")
                    .otherwise()
                        .setProperty(REPLY_NOTE, constant("not sent: the sender's connection is gone and no address for it"
                                + " is known"))
                .end()
                .to(NOTE_REPLY).id("note-how-it-went");

        from(REPLY_ON_NEW_CONNECTION_AND_NOTE).routeId("reply-after-commit")
                .to(REPLY_ON_NEW_CONNECTION).id("open-a-connection-after-commit")
                .to(NOTE_REPLY).id("note-reply-after-commit");

        from(NOTE_REPLY).routeId("note-reply")
                .filter(exchangeProperty(REPLY_NOTE).isNotNull()).id("only-with-a-reply")
                    .log("${exchangeProperty." + REPLY + ".apdu().type().asnName()} for ${exchangeProperty." + OUTCOME
                            + ".summary()}: ${exchangeProperty." + REPLY_NOTE + "}").id("log-reply")
                    .bean(inbound, "replied(${exchangeProperty." + REPLY + "}, ${exchangeProperty." + REPLY_NOTE + "})")
                        .id("note-reply-in-history")
                .end();

        from(REPLY_ON_NEW_CONNECTION).routeId("reply-on-new-connection")
                .setBody(simple("${exchangeProperty." + REPLY + ".bytes()}"))
                .doTry()
                    .toD(peers.oneWay("${exchangeProperty." + REPLY + ".address()}")).id("send-reply")
                    .setProperty(REPLY_NOTE, simple("sent on a new connection to ${exchangeProperty." + REPLY + ".address()}"))
                .doCatch(Exception.class)
                    .setProperty(REPLY_NOTE, simple("not sent to ${exchangeProperty." + REPLY + ".address()}:"
                            + " ${exception.message}"))
                .end();

        from(DEAD_LETTER).routeId("dead-letter")
                .filter(exchangeProperty(RECEIVED).isNull()).id("only-if-not-kept-yet")
                    .process(InboundExchange::keepReceived).id("keep-failed-apdu")
                .end()
                .setProperty(OUTCOME, method(inbound, "failed(${exchangeProperty." + RECEIVED + "}, ${exchangeProperty." + APDU
                        + "}, ${exception})")).id("keep-as-dead-letter")
                .process(meters::outcome).id("count-failure");
    }

    /** A route that runs one branch of the policy: the service's method, then the reply. */
    private void branch(String uri, String routeId, String method) {
        from(uri).routeId(routeId)
                .setProperty(OUTCOME, method(inbound, method + THE_APDU)).id(routeId + "-to-message-file")
                .to(REPLY_TO_SENDER).id(routeId + "-reply");
    }
}
