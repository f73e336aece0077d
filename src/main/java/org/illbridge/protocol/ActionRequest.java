package org.illbridge.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A staff action's details, as the API takes them; each action reads the ones it needs.
 *
 * @param action the action's API name, e.g. {@code shipped}, {@code not-supplied}
 * @param note a note for the partner
 * @param reason for not-supplied: a Reason-Unfilled identifier (e.g. {@code not-found-as-cited})
 * @param condition for conditional: a Conditional-Results condition (e.g. {@code charges})
 * @param bibliographic for conditional: the condition is about wrong or incomplete bibliographic data
 * @param answer for renew-answer, cancel-reply: yes or no
 * @param date a date (YYYYMMDD): the due date (shipped, renew, renew-answer, overdue) or the retry date
 * @param serviceType loan (default) or copy-non-returnable, for shipped and received
 */
public record ActionRequest(String action, String note, String reason, String condition, Boolean bibliographic,
                            Boolean answer, String date, @JsonProperty("service-type") String serviceType) {
}
