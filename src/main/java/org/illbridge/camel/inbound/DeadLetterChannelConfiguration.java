package org.illbridge.camel.inbound;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling every route picks up, Java or YAML, so an edited route cannot lose it: whatever
 * fails goes to the dead-letter channel (stored, reported to the sender, replayable), and a
 * failure of the dead-letter store itself fails the exchange instead of being swallowed.
 */
public final class DeadLetterChannelConfiguration extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration()
                .errorHandler(deadLetterChannel(InboundRoutes.DEAD_LETTER)
                        .deadLetterHandleNewException(false)
                        .maximumRedeliveries(0)
                        .logExhausted(false)
                        .logStackTrace(false));
    }
}
