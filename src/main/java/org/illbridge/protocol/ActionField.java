package org.illbridge.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.illbridge.codec.ill.IllTypes;

/**
 * One field a staff action takes, described so that a form can be drawn from it: its name in the
 * API, a label, its kind, whether it is required, and for choices the values the ASN.1 allows.
 */
public record ActionField(String name, String label, Kind kind, boolean required, List<String> choices) {

    /** How a field is entered. */
    public enum Kind {
        /** a date, YYYY-MM-DD or YYYYMMDD */
        DATE,
        /** one of {@code choices} */
        CHOICE,
        /** yes or no */
        YES_NO,
        /** a tick box */
        FLAG,
        /** free text */
        TEXT;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final ActionField NOTE = new ActionField("note", "Note to the partner", Kind.TEXT, false, List.of());
    static final ActionField REQUIRED_NOTE = new ActionField("note", "Message", Kind.TEXT, true, List.of());
    static final ActionField DATE_DUE = date("date-due", "Due date");
    static final ActionField DATE_SHIPPED = date("date-shipped", "Date shipped (today when empty)");
    static final ActionField DESIRED_DUE_DATE = date("desired-due-date", "Due date asked for");
    static final ActionField RETRY_DATE = date("retry-date", "Ask again after");
    static final ActionField SERVICE_TYPE = new ActionField("service-type", "Service", Kind.CHOICE, false,
            List.of("loan", "copy-non-returnable"));
    static final ActionField REASON = new ActionField("reason", "Reason not supplied", Kind.CHOICE, true,
            List.copyOf(IllTypes.REASON_UNFILLED.identifiers().values()));
    static final ActionField CONDITION = new ActionField("condition", "Condition", Kind.CHOICE, true,
            List.copyOf(IllTypes.CONDITIONS.identifiers().values()));
    static final ActionField BIBLIOGRAPHIC = new ActionField("bibliographic",
            "About wrong or incomplete bibliographic data", Kind.FLAG, false, List.of());
    static final ActionField ANSWER = new ActionField("answer", "Answer", Kind.YES_NO, true, List.of());

    private static ActionField date(String name, String label) {
        return new ActionField(name, label, Kind.DATE, false, List.of());
    }
}
