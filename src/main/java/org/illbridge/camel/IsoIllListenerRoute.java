package org.illbridge.camel;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.illbridge.camel.inbound.InboundExchange;
import org.illbridge.config.ListenerProperties;
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

    private final ListenerProperties listen;
    private final InboxWriter inboxWriter;

    public IsoIllListenerRoute(ListenerProperties listen, InboxWriter inboxWriter) {
        this.listen = listen;
        this.inboxWriter = inboxWriter;
    }

    @Override
    public void configure() {
        from(listenerUri())
                .routeId("iso-ill-listener")
                // camel-netty replies with the body: the answer owed on this connection, or nothing
                .onCompletion().modeBeforeConsumer().id("answer-on-connection")
                    .setBody(exchangeProperty(InboundExchange.ANSWER)).id("answer-or-nothing")
                .end()
                .process(inboxWriter).id("store-in-inbox")
                .filter(header(InboxWriter.INBOX_STATUS).isEqualTo(InboxStatus.RECEIVED.code())).id("only-complete-frames")
                    .setProperty(InboundExchange.ON_CONNECTION, constant(true)).id("answerable-on-connection")
                    .doTry()
                        .to(APDU_RECEIVED).id("hand-to-inbound-routes")
                    .doCatch(Exception.class)
                        // the bytes are in the inbox, still "received": inbox recovery processes them again
                        .log(LoggingLevel.ERROR, "Processing inbox entry ${header.IllbridgeInboxId} did not finish"
                                + " (${exception.message}); it will be processed again").id("log-unfinished")
                    .end()
                .end();
    }

    String listenerUri() {
        return "netty:tcp://" + listen.host() + ":" + listen.port()
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
