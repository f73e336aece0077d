package org.illbridge.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A staff action's details, as the API takes them; each action reads the ones it needs
 * ({@link StaffAction#fields()} says which). Dates may be written YYYY-MM-DD or YYYYMMDD;
 * {@link #checked} turns them into ISO 10161's YYYYMMDD and refuses impossible ones.
 *
 * @param action the action's API name, e.g. {@code shipped}, {@code not-supplied}
 * @param note a note for the partner
 * @param reason for not-supplied: a Reason-Unfilled identifier (e.g. {@code not-found-as-cited})
 * @param condition for conditional: a Conditional-Results condition (e.g. {@code charges})
 * @param bibliographic for conditional: the condition is about wrong or incomplete bibliographic data
 * @param answer for renew-answer, cancel-reply: yes (true) or no (false)
 * @param dateDue when the item is due back: shipped, renew-answer, overdue
 * @param dateShipped when it was shipped (shipped; today when absent)
 * @param desiredDueDate the due date a renewal asks for: renew
 * @param retryDate when the borrower may ask again: retry
 * @param serviceType loan (default) or copy-non-returnable, for shipped and received
 * @param remember for accept-requester: know the requester from now on
 * @param date the one date field of earlier versions; refused with the names that replace it
 */
public record ActionRequest(String action, String note, String reason, String condition, Boolean bibliographic,
                            Boolean answer,
                            @JsonProperty("date-due") String dateDue,
                            @JsonProperty("date-shipped") String dateShipped,
                            @JsonProperty("desired-due-date") String desiredDueDate,
                            @JsonProperty("retry-date") String retryDate,
                            @JsonProperty("service-type") String serviceType,
                            Boolean remember,
                            String date) {

    /** Just an action and a note. */
    public static ActionRequest of(String action, String note) {
        return new ActionRequest(action, note, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The same request with its dates in ISO 10161's form, once they make sense.
     *
     * @throws IllegalArgumentException naming the field: not a date, or a due date before the ship date
     */
    public ActionRequest checked(LocalDate today) {
        if (date != null) {
            throw new IllegalArgumentException("'date' is not a field any more; name the date: date-due (shipped,"
                    + " renew-answer, overdue), desired-due-date (renew) or retry-date (retry).");
        }
        LocalDate due = IsoDates.parse("date-due", dateDue);
        LocalDate shipped = IsoDates.parse("date-shipped", dateShipped);
        LocalDate desired = IsoDates.parse("desired-due-date", desiredDueDate);
        LocalDate retry = IsoDates.parse("retry-date", retryDate);
        if (shipped != null && shipped.isAfter(today)) {
            throw new IllegalArgumentException("date-shipped " + shipped + " is in the future.");
        }
        LocalDate shippedOn = shipped != null ? shipped : today;
        if (due != null && "shipped".equals(action) && due.isBefore(shippedOn)) {
            throw new IllegalArgumentException("date-due " + due + " is before the ship date " + shippedOn + ".");
        }
        return new ActionRequest(action, note, reason, condition, bibliographic, answer, IsoDates.format(due),
                IsoDates.format(shipped), IsoDates.format(desired), IsoDates.format(retry), serviceType, remember, null);
    }
}
