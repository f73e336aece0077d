package org.illbridge.camel;

import io.netty.channel.ChannelHandlerContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.netty.NettyConstants;
import org.illbridge.camel.inbound.InboundExchange;
import org.illbridge.camel.netty.FrameBatcher;

/**
 * The ISO ILL TCP listener: Netty frames the stream into APDUs and hands on those of one read
 * together; they are stored in the inbox first, then the complete ones go on to the inbound routes
 * in {@code routes/}, one database transaction for the batch ({@link InboundBatchProcessor}). The
 * replies owed on the same connection (Direct Request style) are written back by camel-netty when
 * the exchange completes; otherwise nothing is written. This is fixed plumbing; what happens to an APDU after the inbox is
 * the operators' policy, kept in YAML.
 */
public final class IsoIllListenerRoute extends RouteBuilder {

    /** Where the routes in {@code routes/} pick up each stored APDU. */
    public static final String APDU_RECEIVED = "direct:apdu-received";

    private final ListenerAddress address;
    private final boolean configured;
    private final InboxWriter inboxWriter;
    private final InboundBatchProcessor apdus;

    /**
     * @param configured whether this is the listener {@code illbridge.listen} names (its route and
     *     step ids are the plain ones); a profiled address's listener has ids of its own
     */
    public IsoIllListenerRoute(ListenerAddress address, boolean configured, InboxWriter inboxWriter,
                               InboundBatchProcessor apdus) {
        this.address = address;
        this.configured = configured;
        this.inboxWriter = inboxWriter;
        this.apdus = apdus;
    }

    @Override
    public void configure() {
        from(listenerUri())
                .routeId(address.routeId(configured))
                // camel-netty replies with the body: the answer owed on this connection, or nothing
                .onCompletion().modeBeforeConsumer().id(step("answer-on-connection"))
                    .setBody(exchangeProperty(InboundExchange.ANSWER)).id(step("answer-or-nothing"))
                    // the connection's next batch may go on: one batch of a connection in the route at a time
                    .process(IsoIllListenerRoute::batchDone).id(step("next-batch"))
                .end()
                .process(inboxWriter).id(step("store-in-inbox"))
                .process(apdus).id(step("hand-to-inbound-routes"))
                .end();
    }

    private static void batchDone(Exchange exchange) {
        ChannelHandlerContext connection = exchange.getMessage().getHeader(NettyConstants.NETTY_CHANNEL_HANDLER_CONTEXT,
                ChannelHandlerContext.class);
        if (connection != null) {
            FrameBatcher.done(connection.channel());
        }
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
                + ",#" + ListenerConfiguration.FRAME_DECODER + ",#" + ListenerConfiguration.FRAME_BATCHER;
    }
}
