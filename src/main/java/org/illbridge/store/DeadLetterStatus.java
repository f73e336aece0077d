package org.illbridge.store;

import org.illbridge.protocol.Coded;

/** Where a dead letter stands: waiting for a person (open), or dealt with. */
public enum DeadLetterStatus implements Coded {
    OPEN,
    REPLAYED,
    DISCARDED;

    public static DeadLetterStatus ofCode(String code) {
        return Coded.ofCode(DeadLetterStatus.class, code);
    }
}
