package org.illbridge.store;

import org.illbridge.codec.ill.ApduType;
import org.illbridge.protocol.ProtocolEvent;
import org.illbridge.protocol.ProtocolMachine;
import org.illbridge.protocol.ProtocolState;

/** Where a request stands: its protocol state, the status staff see, and the queue it is in. */
public record Standing(ProtocolState state, String status, Queue queue) {

    private static final Standing WILL_SUPPLY = new Standing(ProtocolState.IN_PROCESS, Queue.WILL_SUPPLY.label(), Queue.WILL_SUPPLY);

    /** The standing a request in {@code state} has when nothing else decides: its OCLC status and that queue. */
    public static Standing of(ProtocolState state) {
        return new Standing(state, state.oclcStatus(), Queue.of(state));
    }

    /**
     * The standing after {@code event} took a request from {@code held} (null for a new one) to
     * {@code next}: an Expired or a Will Supply answer has its own queue, which the state alone does
     * not tell; an APDU that changes nothing (a Message, a Damaged report) leaves the request where it was.
     */
    public static Standing after(Standing held, ProtocolState next, ProtocolEvent event) {
        if (event.type() == ApduType.EXPIRED) {
            return new Standing(next, Queue.EXPIRED.label(), Queue.EXPIRED);
        }
        if (event.type() == ApduType.ILL_ANSWER && "will-supply".equals(event.qualifier()) && next == ProtocolState.IN_PROCESS) {
            return WILL_SUPPLY;
        }
        if (held != null && held.state() == next && ProtocolMachine.stateless().contains(event.type())) {
            return held;
        }
        return of(next);
    }
}
