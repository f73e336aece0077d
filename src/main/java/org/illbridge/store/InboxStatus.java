package org.illbridge.store;

import org.illbridge.protocol.Coded;

/** Where an inbox entry stands. The database holds {@link #code()}. */
public enum InboxStatus implements Coded {
    /** A complete APDU frame, stored and not yet processed further. */
    RECEIVED,
    /** Bytes that could not be framed as an APDU; the connection was closed. */
    UNFRAMED,
    /** Applied to the message file. */
    APPLIED,
    /** Recorded against a request that predates the site's ISO ILL profile: to be updated in OCLC. */
    RECORDED_FOR_OCLC,
    /** The same APDU was applied before; recorded, not applied again. */
    DUPLICATE,
    /** Refused: see the dead letters. */
    REFUSED;

    public static InboxStatus ofCode(String code) {
        return Coded.ofCode(InboxStatus.class, code);
    }
}
