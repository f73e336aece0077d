package org.illbridge.camel;

import org.apache.camel.builder.RouteBuilder;
import org.illbridge.config.ListenerProperties;
import org.illbridge.store.InboxStatus;

/**
 * The ISO ILL TCP listener: Netty frames the stream into APDUs, each is stored in the inbox first,
 * then complete frames go on to the inbound routes in {@code routes/}. This is fixed plumbing;
 * what happens to an APDU after the inbox is the operators' policy, kept in YAML.
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
                // the inbox writer keeps every frame (or spools it); what fails later is the inbound routes' to handle
                .errorHandler(noErrorHandler())
                .process(inboxWriter).id("store-in-inbox")
                .filter(header(InboxWriter.INBOX_STATUS).isEqualTo(InboxStatus.RECEIVED.code())).id("only-complete-frames")
                    .to(APDU_RECEIVED).id("hand-to-inbound-routes")
                .end();
    }

    String listenerUri() {
        return "netty:tcp://" + listen.host() + ":" + listen.port()
                + "?sync=false"
                + "&reuseAddress=true"
                + "&decoders=#" + ListenerConfiguration.IDLE_TIMEOUT_HANDLER + ",#" + ListenerConfiguration.FRAME_DECODER;
    }
}
