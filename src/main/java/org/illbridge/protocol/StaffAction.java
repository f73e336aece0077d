package org.illbridge.protocol;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.illbridge.codec.ill.ApduType;

/** What staff can do to a request in the message file, and the APDU each becomes. */
public enum StaffAction {
    SHIPPED(ApduType.SHIPPED, "responder-note", "Ship", List.of(),
            ActionField.DATE_SHIPPED, ActionField.DATE_DUE, ActionField.SERVICE_TYPE, ActionField.NOTE),
    NOT_SUPPLIED(ApduType.ILL_ANSWER, "responder-note", "Not supplied", List.of("unfilled"),
            ActionField.REASON, ActionField.NOTE),
    CONDITIONAL(ApduType.ILL_ANSWER, "responder-note", "Conditional", List.of("conditional"),
            ActionField.CONDITION, ActionField.BIBLIOGRAPHIC, ActionField.NOTE),
    WILL_SUPPLY(ApduType.ILL_ANSWER, "responder-note", "Will supply", List.of("will-supply"), ActionField.NOTE),
    RETRY(ApduType.ILL_ANSWER, "responder-note", "Retry later", List.of("retry"), ActionField.RETRY_DATE, ActionField.NOTE),
    RECEIVED(ApduType.RECEIVED, "requester-note", "Received", List.of(), ActionField.SERVICE_TYPE, ActionField.NOTE),
    RETURNED(ApduType.RETURNED, "requester-note", "Returned", List.of(), ActionField.NOTE),
    CHECKED_IN(ApduType.CHECKED_IN, "responder-note", "Check in", List.of(), ActionField.NOTE),
    RENEW(ApduType.RENEW, "requester-note", "Ask to renew", List.of(), ActionField.DESIRED_DUE_DATE, ActionField.NOTE),
    RENEW_ANSWER(ApduType.RENEW_ANSWER, "responder-note", "Answer renewal", List.of("yes", "no"),
            ActionField.ANSWER, ActionField.DATE_DUE, ActionField.NOTE),
    CANCEL(ApduType.CANCEL, "requester-note", "Cancel", List.of(), ActionField.NOTE),
    CANCEL_REPLY(ApduType.CANCEL_REPLY, "responder-note", "Answer cancellation", List.of("yes", "no"),
            ActionField.ANSWER, ActionField.NOTE),
    RECALL(ApduType.RECALL, "responder-note", "Recall", List.of(), ActionField.NOTE),
    OVERDUE(ApduType.OVERDUE, "responder-note", "Overdue", List.of(), ActionField.DATE_DUE, ActionField.NOTE),
    LOST(ApduType.LOST, "note", "Lost", List.of(), ActionField.NOTE),
    DAMAGED(ApduType.DAMAGED, "note", "Damaged", List.of(), ActionField.NOTE),
    MESSAGE(ApduType.MESSAGE, "note", "Message", List.of(), ActionField.REQUIRED_NOTE),
    STATUS_QUERY(ApduType.STATUS_QUERY, "note", "Status query", List.of(), ActionField.NOTE);

    private final ApduType apduType;
    private final String noteComponent;
    private final String label;
    private final List<String> qualifiers;
    private final List<ActionField> fields;

    /** @param qualifiers the outcomes the protocol machine tells apart (an answer's results, yes or no); none for most */
    StaffAction(ApduType apduType, String noteComponent, String label, List<String> qualifiers, ActionField... fields) {
        this.apduType = apduType;
        this.noteComponent = noteComponent;
        this.label = label;
        this.qualifiers = qualifiers;
        this.fields = List.of(fields);
    }

    /** The button's words. */
    public String label() {
        return label;
    }

    /** The fields this action reads, in the order a form shows them. */
    public List<ActionField> fields() {
        return fields;
    }

    /** True when the protocol lets this action be sent by {@code role} in {@code state}, whatever its answer. */
    public boolean allowedIn(Role role, ProtocolState state) {
        List<String> outcomes = qualifiers.isEmpty() ? Collections.singletonList(null) : qualifiers;
        return outcomes.stream().anyMatch(qualifier ->
                ProtocolMachine.next(role, state, new ProtocolEvent(Direction.OUT, apduType, qualifier)).isPresent());
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
