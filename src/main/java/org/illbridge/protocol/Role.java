package org.illbridge.protocol;

import java.util.Locale;

/** Which side of an ILL transaction a library is on. The API shows the constant's name (LENDING); the database holds {@link #code()}. */
public enum Role {
    /** We are the responder: a partner asked us for an item. */
    LENDING,
    /** We are the requester: we asked a partner. */
    BORROWING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
