package org.illbridge.inbound;

import org.illbridge.protocol.Refusal;

/** Ends the processing of an APDU that is refused; {@link InboundService} turns it into a dead letter. */
final class ApduRefused extends RuntimeException {

    private final transient Refusal refusal;

    ApduRefused(Refusal refusal) {
        super(refusal.code().code() + ": " + refusal.sentence(), null, false, false);
        this.refusal = refusal;
    }

    Refusal refusal() {
        return refusal;
    }
}
