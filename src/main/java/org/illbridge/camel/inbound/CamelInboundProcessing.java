package org.illbridge.camel.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.illbridge.camel.InboxWriter;
import org.illbridge.camel.IsoIllListenerRoute;
import org.illbridge.inbound.InboundOutcome;
import org.illbridge.inbound.InboundProcessing;
import org.illbridge.inbound.ReceivedApdu;

/** Runs an APDU through the inbound routes, as the listener hands them on, and reads back the outcome. */
public final class CamelInboundProcessing implements InboundProcessing {

    private final ProducerTemplate producer;

    public CamelInboundProcessing(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public InboundOutcome process(ReceivedApdu received) {
        Exchange result = producer.send(IsoIllListenerRoute.APDU_RECEIVED, exchange -> {
            exchange.getMessage().setBody(received.bytes());
            exchange.getMessage().setHeader(InboxWriter.INBOX_ID, received.inboxId());
            exchange.getMessage().setHeader(InboxWriter.PEER, received.peer());
        });
        if (result.getException() != null) {
            throw new IllegalStateException("processing the APDU again failed: " + result.getException().getMessage(),
                    result.getException());
        }
        return result.getProperty(InboundExchange.OUTCOME, InboundOutcome.class);
    }
}
