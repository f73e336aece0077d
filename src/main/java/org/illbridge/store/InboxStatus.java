package org.illbridge.store;

/** Where an inbox entry stands. The database holds {@link #code()}. */
public enum InboxStatus {
    /** A complete APDU frame, stored and not yet processed further. */
    RECEIVED("received"),
    /** Bytes that could not be framed as an APDU; the connection was closed. */
    UNFRAMED("unframed"),
    /** Applied to the message file. */
    APPLIED("applied"),
    /** Recorded against a request that predates the site's ISO ILL profile: to be updated in OCLC. */
    RECORDED_FOR_OCLC("recorded-for-oclc"),
    /** The same APDU was applied before; recorded, not applied again. */
    DUPLICATE("duplicate"),
    /** Refused: see the dead letters. */
    REFUSED("refused");

    private final String code;

    InboxStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static InboxStatus ofCode(String code) {
        for (InboxStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown inbox status '" + code + "'");
    }
}
