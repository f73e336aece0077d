package org.illbridge.protocol;

import static org.illbridge.protocol.ApduDocuments.NODES;

import java.time.LocalDateTime;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.codec.json.JsonViewException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns a staff action on a transaction into the APDU that carries it. */
public final class ActionApdus {

    private static final ApduJson JSON = ApduJson.utf8();

    private ActionApdus() {
    }

    /** The parties and identity of the transaction an action is about. */
    public record Transaction(TransactionKey key, String requesterSymbol, String responderSymbol) {
    }

    public static Apdu of(StaffAction action, ActionRequest request, Transaction transaction, LocalDateTime now)
            throws JsonViewException {
        ObjectNode body = header(transaction, now);
        String today = ApduDocuments.date(now);
        switch (action) {
            case SHIPPED -> {
                body.put("shipped-service-type", serviceType(request));
                ObjectNode details = NODES.objectNode();
                details.put("date-shipped", request.dateShipped() != null ? request.dateShipped() : today);
                if (request.dateDue() != null) {
                    details.set("date-due", dateDue(request.dateDue()));
                }
                body.set("supply-details", details);
            }
            case NOT_SUPPLIED -> answer(body, "unfilled", "unfilled-results", "reason-unfilled",
                    request.reason() != null ? request.reason() : "other");
            case CONDITIONAL -> answer(body, "conditional", "conditional-results", "conditions",
                    request.condition() != null ? request.condition() : "other");
            case WILL_SUPPLY -> body.put("transaction-results", "will-supply");
            case RETRY -> {
                body.put("transaction-results", "retry");
                if (request.retryDate() != null) {
                    ObjectNode retry = NODES.objectNode();
                    retry.put("retry-date", request.retryDate());
                    ObjectNode explanation = NODES.objectNode();
                    explanation.set("retry-results", retry);
                    body.set("results-explanation", explanation);
                }
            }
            case RECEIVED -> {
                body.put("date-received", today);
                body.put("shipped-service-type", serviceType(request));
            }
            case RETURNED -> body.put("date-returned", today);
            case CHECKED_IN -> body.put("date-checked-in", today);
            case RENEW -> {
                if (request.desiredDueDate() != null) {
                    body.put("desired-due-date", request.desiredDueDate());
                }
            }
            case RENEW_ANSWER -> {
                body.put("answer", yes(request));
                if (request.dateDue() != null) {
                    body.set("date-due", dateDue(request.dateDue()));
                }
            }
            case CANCEL_REPLY -> body.put("answer", yes(request));
            case OVERDUE -> body.set("date-due", dateDue(request.dateDue() != null ? request.dateDue() : today));
            case MESSAGE -> body.put("note", request.note() != null ? request.note() : "");
            default -> { }
        }
        if (request.note() != null && !body.has(action.noteComponent())) {
            body.put(action.noteComponent(), request.note());
        }
        ObjectNode apdu = NODES.objectNode();
        apdu.set(action.apduType().asnName(), body);
        return JSON.fromJson(apdu);
    }

    /** The components every APDU of the transaction starts with. */
    static ObjectNode header(Transaction transaction, LocalDateTime now) {
        ObjectNode body = NODES.objectNode();
        body.put("protocol-version-num", 2);
        ObjectNode id = NODES.objectNode();
        TransactionKey key = transaction.key();
        if (!key.initialRequester().isEmpty()) {
            id.set("initial-requester-id", ApduDocuments.systemId(key.initialRequester()));
        }
        id.put("transaction-group-qualifier", key.groupQualifier());
        id.put("transaction-qualifier", key.transactionQualifier());
        if (!key.subQualifier().isEmpty()) {
            id.put("sub-transaction-qualifier", key.subQualifier());
        }
        body.set("transaction-id", id);
        body.set("service-date-time", ApduDocuments.serviceDateTime(now));
        if (transaction.requesterSymbol() != null) {
            body.set("requester-id", ApduDocuments.systemId(transaction.requesterSymbol()));
        }
        if (transaction.responderSymbol() != null) {
            body.set("responder-id", ApduDocuments.systemId(transaction.responderSymbol()));
        }
        return body;
    }

    private static void answer(ObjectNode body, String results, String explanation, String field, String value) {
        body.put("transaction-results", results);
        ObjectNode detail = NODES.objectNode();
        detail.put(field, value);
        ObjectNode choice = NODES.objectNode();
        choice.set(explanation, detail);
        body.set("results-explanation", choice);
    }

    private static ObjectNode dateDue(String date) {
        ObjectNode due = NODES.objectNode();
        due.put("date-due-field", date);
        due.put("renewable", true);
        return due;
    }

    private static String serviceType(ActionRequest request) {
        return request.serviceType() != null ? request.serviceType() : "loan";
    }

    private static boolean yes(ActionRequest request) {
        if (request.answer() == null) {
            throw new IllegalArgumentException("this action needs an answer: true (yes) or false (no)");
        }
        return request.answer();
    }

    static ArrayNode array(String... values) {
        ArrayNode array = NODES.arrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
