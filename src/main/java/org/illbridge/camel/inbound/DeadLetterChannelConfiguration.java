package org.illbridge.camel.inbound;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The dead-letter policy, a route configuration the inbound policy routes in {@code routes/} name
 * ({@code routeConfigurationId: dead-letters}): whatever fails in them unexpectedly — not a refusal,
 * which is an outcome, but a fault of illbridge's — is kept as an internal-error dead letter to
 * replay once fixed. When even that cannot be stored (the database is away), the exchange fails,
 * the inbox entry stays "received", and inbox recovery processes it again later. Plumbing routes
 * name no configuration: their failures travel up to the route that called them.
 */
public final class DeadLetterChannelConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "dead-letters";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .errorHandler(deadLetterChannel(InboundRoutes.DEAD_LETTER)
                        .deadLetterHandleNewException(false)
                        .maximumRedeliveries(0)
                        .logExhausted(false)
                        .logStackTrace(false));
    }
}
