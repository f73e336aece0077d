package org.illbridge.store;

import org.illbridge.protocol.Coded;

/** Where an outbox entry stands on its way to the peer. */
public enum OutboxStatus implements Coded {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    REJECTED;

    public static OutboxStatus ofCode(String code) {
        return Coded.ofCode(OutboxStatus.class, code);
    }
}
