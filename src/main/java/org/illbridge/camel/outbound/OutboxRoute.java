package org.illbridge.camel.outbound;

import org.apache.camel.builder.RouteBuilder;
import org.illbridge.config.OutboundProperties;

/**
 * Drains the outbox: a Camel SQL consumer polls with the claim statement (which marks the due
 * rows sending and returns them, so rows a legacy system inserted are picked up like our own),
 * and each claimed row is sent to its peer.
 */
public final class OutboxRoute extends RouteBuilder {

    private final OutboundProperties properties;
    private final String claimStatement;
    private final OutboxDelivery delivery;

    public OutboxRoute(OutboundProperties properties, String claimStatement, OutboxDelivery delivery) {
        this.properties = properties;
        this.claimStatement = claimStatement;
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        from("sql:classpath:" + claimStatement + "?dataSource=#dataSource&useIterator=true&initialDelay=1000"
                + "&delay=" + properties.drainInterval().toMillis())
                .routeId("outbox-drain")
                // each attempt's outcome is recorded on the outbox row itself
                .errorHandler(noErrorHandler())
                .process(delivery::deliver).id("send-to-peer");
    }
}
