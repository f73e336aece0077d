package org.illbridge.protocol;

import java.util.Arrays;
import java.util.Locale;
import org.illbridge.codec.ill.ApduType;

/** What staff can do to a request in the message file, and the APDU each becomes. */
public enum StaffAction {
    SHIPPED(ApduType.SHIPPED, "responder-note"),
    NOT_SUPPLIED(ApduType.ILL_ANSWER, "responder-note"),
    CONDITIONAL(ApduType.ILL_ANSWER, "responder-note"),
    WILL_SUPPLY(ApduType.ILL_ANSWER, "responder-note"),
    RETRY(ApduType.ILL_ANSWER, "responder-note"),
    RECEIVED(ApduType.RECEIVED, "requester-note"),
    RETURNED(ApduType.RETURNED, "requester-note"),
    CHECKED_IN(ApduType.CHECKED_IN, "responder-note"),
    RENEW(ApduType.RENEW, "requester-note"),
    RENEW_ANSWER(ApduType.RENEW_ANSWER, "responder-note"),
    CANCEL(ApduType.CANCEL, "requester-note"),
    CANCEL_REPLY(ApduType.CANCEL_REPLY, "responder-note"),
    RECALL(ApduType.RECALL, "responder-note"),
    OVERDUE(ApduType.OVERDUE, "responder-note"),
    LOST(ApduType.LOST, "note"),
    DAMAGED(ApduType.DAMAGED, "note"),
    MESSAGE(ApduType.MESSAGE, "note"),
    STATUS_QUERY(ApduType.STATUS_QUERY, "note");

    private final ApduType apduType;
    private final String noteComponent;

    StaffAction(ApduType apduType, String noteComponent) {
        this.apduType = apduType;
        this.noteComponent = noteComponent;
    }

    public ApduType apduType() {
        return apduType;
    }

    /** The component a staff note goes in for this APDU. */
    public String noteComponent() {
        return noteComponent;
    }

    /** The action named as in the API: {@code shipped}, {@code not-supplied}, {@code renew-answer}, … */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static StaffAction ofApiName(String name) {
        for (StaffAction action : values()) {
            if (action.apiName().equals(name)) {
                return action;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not an action; the actions are "
                + Arrays.stream(values()).map(StaffAction::apiName).toList());
    }
}
