package org.illbridge.web.page;

import java.util.Map;
import org.illbridge.protocol.ActionRequest;

/** A staff action as the record page's form posts it: the same fields the API takes, as form values. */
final class ActionForm {

    private ActionForm() {
    }

    static ActionRequest toRequest(String action, Map<String, String> form) {
        return new ActionRequest(action, text(form, "note"), text(form, "reason"), text(form, "condition"),
                flag(form, "bibliographic"), answer(form), text(form, "date-due"), text(form, "date-shipped"),
                text(form, "desired-due-date"), text(form, "retry-date"), text(form, "service-type"), flag(form, "remember"),
                null);
    }

    private static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A tick box: present (as "on" or "true") when ticked. */
    private static Boolean flag(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null ? null : "on".equals(value) || "true".equals(value);
    }

    private static Boolean answer(Map<String, String> form) {
        String value = text(form, "answer");
        return value == null ? null : "yes".equals(value);
    }
}
