package org.illbridge.camel;

/**
 * A frame of a connection's batch once it is kept: its bytes and, when it went to the inbox, the
 * inbox entry. Only a complete APDU in the inbox is processed at once; an unframed stream is kept
 * and goes no further, a spooled frame is processed when the spool is moved into the inbox.
 */
public record KeptFrame(byte[] bytes, Long inboxId, boolean complete) {

    public boolean toProcess() {
        return complete && inboxId != null;
    }
}
