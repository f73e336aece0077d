package org.illbridge.inbound;

/**
 * An APDU as it arrived: its inbox entry (null if it never reached the inbox, as in a unit test),
 * its exact bytes, and the sender's address ({@code host:port}).
 */
public record ReceivedApdu(Long inboxId, byte[] bytes, String peer) {

    /** The sender's host, without the port. */
    public String peerHost() {
        int colon = peer == null ? -1 : peer.lastIndexOf(':');
        return colon > 0 ? peer.substring(0, colon) : peer;
    }
}
