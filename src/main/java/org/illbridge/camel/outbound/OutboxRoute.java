package org.illbridge.camel.outbound;

import org.apache.camel.builder.RouteBuilder;
import org.illbridge.config.OutboundProperties;

/** Every drain interval: claim the APDUs that are due and send each to its peer. */
public final class OutboxRoute extends RouteBuilder {

    private final OutboundProperties properties;
    private final OutboxDelivery delivery;

    public OutboxRoute(OutboundProperties properties, OutboxDelivery delivery) {
        this.properties = properties;
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        from("timer:outbox?delay=1000&period=" + properties.drainInterval().toMillis())
                .routeId("outbox-drain")
                // each attempt's outcome is recorded on the outbox row itself
                .errorHandler(noErrorHandler())
                .process(delivery::claim).id("claim-due-apdus")
                .split(body()).id("each-claimed-apdu")
                    .process(delivery::deliver).id("send-to-peer")
                .end();
    }
}
