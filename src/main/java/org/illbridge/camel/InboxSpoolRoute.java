package org.illbridge.camel;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.illbridge.config.InboxProperties;

/**
 * Every few seconds, moves frames spooled during a database outage into the inbox and hands the
 * complete APDUs to the inbound routes, with the same headers the listener sets.
 */
public final class InboxSpoolRoute extends RouteBuilder {

    private final InboxProperties properties;
    private final SpoolReplayer replayer;

    public InboxSpoolRoute(InboxProperties properties, SpoolReplayer replayer) {
        this.properties = properties;
        this.replayer = replayer;
    }

    @Override
    public void configure() {
        from("timer:inbox-spool?delay=0&period=" + properties.spoolRetryInterval().toMillis())
                .routeId("inbox-spool-replay")
                .process(replayer).id("move-spool-into-inbox")
                .split(body()).id("each-moved-apdu")
                    .process(InboxSpoolRoute::asReceivedApdu).id("as-received-apdu")
                    .to(IsoIllListenerRoute.APDU_RECEIVED).id("hand-spooled-to-inbound-routes")
                .end();
    }

    /** The same body and headers the listener route hands on. */
    private static void asReceivedApdu(Exchange exchange) {
        SpoolReplayer.Replayed replayed = exchange.getMessage().getBody(SpoolReplayer.Replayed.class);
        exchange.getMessage().setHeader(InboxWriter.INBOX_ID, replayed.inboxId());
        exchange.getMessage().setHeader(InboxWriter.INBOX_STATUS, replayed.received().status().code());
        exchange.getMessage().setHeader(InboxWriter.PEER, replayed.received().peer());
        exchange.getMessage().setBody(replayed.received().bytes());
    }
}
