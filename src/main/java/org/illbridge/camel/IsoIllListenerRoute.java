package org.illbridge.camel;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.illbridge.camel.inbound.InboundExchange;
import org.illbridge.store.InboxStatus;

/**
 * The ISO ILL TCP listener: Netty frames the stream into APDUs, each is stored in the inbox first,
 * then complete frames go on to the inbound routes in {@code routes/}. A reply owed on the same
 * connection (Direct Request style) is written back by camel-netty when the exchange completes;
 * otherwise nothing is written. This is fixed plumbing; what happens to an APDU after the inbox is
 * the operators' policy, kept in YAML.
 */
public final class IsoIllListenerRoute extends RouteBuilder {

    /** Where the routes in {@code routes/} pick up each stored APDU. */
    public static final String APDU_RECEIVED = "direct:apdu-received";

    private final ListenerAddress address;
    private final boolean configured;
    private final InboxWriter inboxWriter;

    /**
     * @param configured whether this is the listener {@code illbridge.listen} names (its route and
     *     step ids are the plain ones); a profiled address's listener has ids of its own
     */
    public IsoIllListenerRoute(ListenerAddress address, boolean configured, InboxWriter inboxWriter) {
        this.address = address;
        this.configured = configured;
        this.inboxWriter = inboxWriter;
    }

    @Override
    public void configure() {
        from(listenerUri())
                .routeId(address.routeId(configured))
                // camel-netty replies with the body: the answer owed on this connection, or nothing
                .onCompletion().modeBeforeConsumer().id(step("answer-on-connection"))
                    .setBody(exchangeProperty(InboundExchange.ANSWER)).id(step("answer-or-nothing"))
                .end()
                .process(inboxWriter).id(step("store-in-inbox"))
                .filter(header(InboxWriter.INBOX_STATUS).isEqualTo(InboxStatus.RECEIVED.code())).id(step("only-complete-frames"))
                    .setProperty(InboundExchange.ON_CONNECTION, constant(true)).id(step("answerable-on-connection"))
                    .doTry()
                        .to(APDU_RECEIVED).id(step("hand-to-inbound-routes"))
                    .doCatch(Exception.class)
                        // the bytes are in the inbox, still "received": inbox recovery processes them again
                        .log(LoggingLevel.ERROR, "Processing inbox entry ${header.IllbridgeInboxId} did not finish"
                                + " (${exception.message}); it will be processed again").id(step("log-unfinished"))
                    .end()
                .end();
    }

    /** Step ids are unique among all routes: a profiled listener's carry its route's name. */
    private String step(String id) {
        return configured ? id : id + "@" + address.routeId(false);
    }

    String listenerUri() {
        return "netty:tcp://" + address.host() + ":" + address.port()
                + "?sync=true"
                + "&synchronous=true"
                + "&disconnectOnNoReply=false"
                // most APDUs are answered by nothing on their connection: that is no event
                + "&noReplyLogLevel=OFF"
                + "&reuseAddress=true"
                + "&encoders=#" + ListenerConfiguration.APDU_ENCODER
                + "&decoders=#" + ListenerConfiguration.CONNECTION_LIMITS + ",#" + ListenerConfiguration.IDLE_TIMEOUT_HANDLER
                + ",#" + ListenerConfiguration.FRAME_DECODER;
    }
}
