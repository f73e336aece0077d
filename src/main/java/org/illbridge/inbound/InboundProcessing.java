package org.illbridge.inbound;

/**
 * Runs an APDU through the inbound routes as if it had just arrived — the policy the operators
 * keep in {@code routes/} — and says what became of it. Implemented by the Camel side.
 */
public interface InboundProcessing {

    InboundOutcome process(ReceivedApdu received);
}
