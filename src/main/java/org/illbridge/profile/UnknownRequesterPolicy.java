package org.illbridge.profile;

/** What a site does with an ILL-Request from a requester it does not know. */
public enum UnknownRequesterPolicy {
    /** Keep it in the Unknown Requester queue for staff to look at. */
    QUEUE,
    /** Treat it like any other request. */
    ACCEPT,
    /** Refuse it with an error report and a dead letter. */
    REFUSE
}
