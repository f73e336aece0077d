package org.illbridge.outbound;

import org.illbridge.protocol.OutboundRules;

/** A staff action that will not be sent: why, and what to do instead. Kept as a dead letter too. */
public final class ActionRefusedException extends RuntimeException {

    private final transient OutboundRules.Refused refused;
    private final Long deadLetter;

    public ActionRefusedException(OutboundRules.Refused refused, Long deadLetter) {
        super(refused.reason());
        this.refused = refused;
        this.deadLetter = deadLetter;
    }

    public OutboundRules.Refused refused() {
        return refused;
    }

    public Long deadLetter() {
        return deadLetter;
    }
}
