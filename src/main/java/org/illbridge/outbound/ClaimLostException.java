package org.illbridge.outbound;

/** This instance's claim on an outbox entry has passed to another: it must not send it. */
public final class ClaimLostException extends Exception {

    public ClaimLostException(long outboxId) {
        super("the claim on outbox entry " + outboxId + " has passed to another instance");
    }
}
