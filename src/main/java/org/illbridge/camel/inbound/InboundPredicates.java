package org.illbridge.camel.inbound;

import org.apache.camel.Exchange;
import org.illbridge.codec.ill.ApduType;

/**
 * The questions the inbound route in {@code routes/inbound-apdu.camel.yaml} asks of each
 * identified APDU, as plain methods an operator's route can call by name.
 */
public class InboundPredicates {

    /** It names no symbol this service serves. */
    public boolean isForUnknownSymbol(Exchange exchange) {
        return inbound(exchange).site() == null;
    }

    /** Its transaction began before the site's ISO ILL profile was installed: it belongs to OCLC. */
    public boolean predatesProfile(Exchange exchange) {
        InboundApdu inbound = inbound(exchange);
        if (inbound.existing() != null) {
            return !"iso".equals(inbound.existing().managedBy());
        }
        return inbound.createdAt() != null && inbound.site().predatesProfile(inbound.createdAt());
    }

    /** It is a new request from a requester the site does not know. */
    public boolean isFromUnknownRequester(Exchange exchange) {
        InboundApdu inbound = inbound(exchange);
        return inbound.apdu().type() == ApduType.ILL_REQUEST && inbound.existing() == null
                && !inbound.site().knowsRequester(inbound.requesterSymbol());
    }

    private static InboundApdu inbound(Exchange exchange) {
        return exchange.getMessage().getHeader(InboundApdu.HEADER, InboundApdu.class);
    }
}
