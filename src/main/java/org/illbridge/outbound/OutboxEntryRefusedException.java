package org.illbridge.outbound;

/** A row a legacy system put in the outbox that the protocol or the partner's rules refuse: not sent, a dead letter. */
public final class OutboxEntryRefusedException extends Exception {

    public OutboxEntryRefusedException(long outboxId, String why) {
        super("outbox " + outboxId + " (from the legacy system) refused, not sent: " + why);
    }
}
