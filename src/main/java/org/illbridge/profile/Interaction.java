package org.illbridge.profile;

/** How a peer expects our APDUs: on the connection it opened, or on one we open to it. */
public enum Interaction {
    /** Reply on the same connection (OCLC ILL Direct Request style). */
    SAME_CONNECTION,
    /** Open a connection to the peer's profiled address, or the address in its APDU-Delivery-Info. */
    SEPARATE_CONNECTION
}
