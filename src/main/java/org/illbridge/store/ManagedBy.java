package org.illbridge.store;

import org.illbridge.protocol.Coded;

/** Which system works a request: this service over ISO ILL, or OCLC (it predates the site's profile). */
public enum ManagedBy implements Coded {
    ISO,
    OCLC;

    public static ManagedBy ofCode(String code) {
        return Coded.ofCode(ManagedBy.class, code);
    }
}
