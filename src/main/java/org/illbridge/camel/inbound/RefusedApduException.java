package org.illbridge.camel.inbound;

import org.illbridge.protocol.Refusal;

/** An inbound APDU illbridge refuses: the dead-letter channel stores it and reports to the sender. */
public final class RefusedApduException extends RuntimeException {

    private final transient Refusal refusal;

    public RefusedApduException(Refusal refusal) {
        super(refusal.code().code() + ": " + refusal.sentence());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
