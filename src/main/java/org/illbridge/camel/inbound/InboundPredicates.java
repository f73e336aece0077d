package org.illbridge.camel.inbound;

import org.apache.camel.Exchange;

/**
 * The questions the inbound policy route ({@code routes/inbound-apdu.camel.yaml}) asks of each
 * identified APDU, by name: {@code method: {ref: inboundPredicates, method: predatesProfile}}.
 * The answers are the APDU's own ({@link org.illbridge.inbound.IdentifiedApdu}); this only finds it.
 */
public class InboundPredicates {

    public boolean isForUnknownSymbol(Exchange exchange) {
        return InboundExchange.apdu(exchange).isForUnknownSymbol();
    }

    public boolean predatesProfile(Exchange exchange) {
        return InboundExchange.apdu(exchange).predatesProfile();
    }

    public boolean isFromUnknownRequester(Exchange exchange) {
        return InboundExchange.apdu(exchange).isFromUnknownRequester();
    }
}
