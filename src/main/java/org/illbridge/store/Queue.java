package org.illbridge.store;

import com.fasterxml.jackson.annotation.JsonValue;
import org.illbridge.protocol.ProtocolState;

/**
 * The message file's queues, as OCLC's message file names them: one per status, and the queues
 * of requests that wait for a person (unknown requesters) or belong to OCLC.
 */
public enum Queue {
    NEW("New"),
    PENDING("Pending"),
    /** A lending request a legacy system downloaded and marked as being worked there (the MicroEnhancer's "In Process"). */
    IN_PROCESS("In Process"),
    FORWARDED("Forwarded"),
    /** Answered Will Supply (Will Send), not yet shipped. */
    WILL_SUPPLY("Will Supply"),
    CONDITIONAL("Conditional"),
    CANCEL_PENDING("Cancel Pending"),
    CANCELLED("Cancelled"),
    SHIPPED("Shipped"),
    RECEIVED("Received"),
    RENEW_PENDING("Renew Pending"),
    OVERDUE("Overdue"),
    RETURNED("Returned"),
    CHECKED_IN("Checked In"),
    RECALLED("Recalled"),
    LOST("Lost"),
    NOT_SUPPLIED("Not Supplied"),
    EXPIRED("Expired"),
    /** New requests from requesters the site does not know, waiting for staff to accept or refuse them. */
    UNKNOWN_REQUESTER("Unknown Requester"),
    /** Requests that predate the site's ISO ILL profile: staff update them in OCLC. */
    OCLC("OCLC");

    private final String label;

    Queue(String label) {
        this.label = label;
    }

    /** The queue's name, as stored and shown. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The queue of a request in this state: the one named by its OCLC status. */
    public static Queue of(ProtocolState state) {
        return ofLabel(state.oclcStatus());
    }

    public static Queue ofLabel(String label) {
        for (Queue queue : values()) {
            if (queue.label.equals(label)) {
                return queue;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a queue");
    }
}
