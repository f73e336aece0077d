package org.illbridge.camel.inbound;

/** What became of an inbound APDU, in the {@link #HEADER} header (and the inbox entry's status). */
public final class Outcome {

    public static final String HEADER = "IllbridgeOutcome";
    /** A reply to send back to the sender (an Apdu), in this header. */
    public static final String REPLY = "IllbridgeReply";

    private Outcome() {
    }
}
