package org.illbridge.store;

import org.illbridge.protocol.ProtocolState;

/** Where a request stands: its protocol state, the status word staff see, and the queue it is worked in. */
public record Standing(ProtocolState state, String status, Queue queue) {

    /** The standing a request in {@code state} has when nothing else decides: its OCLC status and that queue. */
    public static Standing of(ProtocolState state) {
        return new Standing(state, state.oclcStatus(), Queue.of(state));
    }
}
