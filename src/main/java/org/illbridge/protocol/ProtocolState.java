package org.illbridge.protocol;

/**
 * The ISO 10161 transaction states, with the Current-State identifier each is reported as and
 * the word OCLC's message file uses for it.
 */
public enum ProtocolState {
    IDLE("uNKNOWN", "New"),
    PENDING("pENDING", "Pending"),
    IN_PROCESS("iN-PROCESS", "Pending"),
    FORWARD("fORWARD", "Forwarded"),
    CONDITIONAL("cONDITIONAL", "Conditional"),
    CANCEL_PENDING("cANCEL-PENDING", "Cancel Pending"),
    CANCELLED("cANCELLED", "Cancelled"),
    SHIPPED("sHIPPED", "Shipped"),
    RECEIVED("rECEIVED", "Received"),
    RENEW_PENDING("rENEW-PENDING", "Renew Pending"),
    NOT_RECEIVED_OVERDUE("nOT-RECEIVED-OVERDUE", "Overdue"),
    RENEW_OVERDUE("rENEW-OVERDUE", "Renew Pending"),
    OVERDUE("oVERDUE", "Overdue"),
    RETURNED("rETURNED", "Returned"),
    CHECKED_IN("cHECKED-IN", "Checked In"),
    RECALL("rECALL", "Recalled"),
    LOST("lOST", "Lost"),
    NOT_SUPPLIED("nOT-SUPPLIED", "Not Supplied");

    private final String currentState;
    private final String oclcStatus;

    ProtocolState(String currentState, String oclcStatus) {
        this.currentState = currentState;
        this.oclcStatus = oclcStatus;
    }

    /** The Current-State identifier (ISO 10161), as used in error and status reports. */
    public String currentState() {
        return currentState;
    }

    /** The status OCLC's message file shows for a transaction in this state. */
    public String oclcStatus() {
        return oclcStatus;
    }
}
