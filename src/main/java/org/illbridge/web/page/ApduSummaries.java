package org.illbridge.web.page;

import org.illbridge.protocol.Direction;
import org.illbridge.store.HistoryEntry;
import tools.jackson.databind.JsonNode;

/** One line per APDU in a request's history, in the words a librarian uses for it. */
final class ApduSummaries {

    private ApduSummaries() {
    }

    /**
     * @param body the APDU's components, as its JSON view shows them
     * @param partnerSymbol the library at the other end of the request (a received APDU's history
     *                      keeps the address it came from, not the symbol)
     */
    static String of(HistoryEntry entry, JsonNode body, String partnerSymbol, LocalTimes times) {
        boolean in = entry.direction() == Direction.IN;
        String other = in || entry.peer() == null ? partnerSymbol : entry.peer();
        String partner = other == null ? "" : (in ? " from " : " to ") + other;
        return switch (entry.apduType()) {
            case "ILL-Request" -> (in ? "Request received" : "Request sent") + partner;
            case "Forward-Notification" -> "Forwarded" + partner;
            case "Shipped" -> "Shipped" + partner + due(body.at("/supply-details/date-due/date-due-field"), times);
            case "ILL-Answer" -> answer(body) + partner;
            case "Conditional-Reply" -> (yes(body) ? "Conditions accepted" : "Conditions refused") + partner;
            case "Cancel" -> "Cancellation asked" + partner;
            case "Cancel-Reply" -> (yes(body) ? "Cancellation accepted" : "Cancellation refused") + partner;
            case "Received" -> "Item received" + partner;
            case "Recall" -> "Item recalled" + partner;
            case "Returned" -> "Item returned" + partner;
            case "Checked-In" -> "Item checked in" + partner;
            case "Overdue" -> "Overdue notice" + partner + due(body.at("/date-due/date-due-field"), times);
            case "Renew" -> "Renewal asked" + partner + due(body.at("/desired-due-date"), times);
            case "Renew-Answer" -> (yes(body) ? "Renewal granted" : "Renewal refused") + partner
                    + due(body.at("/date-due/date-due-field"), times);
            case "Lost" -> "Item reported lost" + partner;
            case "Damaged" -> "Item reported damaged" + partner;
            case "Message" -> "Message" + partner + quote(body.at("/note"));
            case "Status-Query" -> "Status asked" + partner;
            case "Status-Or-Error-Report" -> (body.has("error-report") ? "Error report" : "Status report") + partner;
            case "Expired" -> "Request expired" + partner;
            default -> entry.apduType() + partner;
        };
    }

    private static String answer(JsonNode body) {
        String results = body.path("transaction-results").asString("");
        JsonNode explanation = body.path("results-explanation");
        return switch (results) {
            case "unfilled" -> "Answered Not Supplied" + reason(explanation.at("/unfilled-results/reason-unfilled"));
            case "conditional" -> "Answered Conditional" + reason(explanation.at("/conditional-results/conditions"));
            case "will-supply" -> "Answered Will Supply";
            case "retry" -> "Answered Retry" + reason(explanation.at("/retry-results/reason-not-available"));
            case "hold-placed" -> "Answered Hold Placed";
            case "estimate" -> "Answered with an estimate";
            case "locations-provided" -> "Answered with other locations";
            default -> "Answered";
        };
    }

    private static boolean yes(JsonNode body) {
        return body.path("answer").asBoolean(false);
    }

    private static String reason(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "" : " (" + value.asString() + ")";
    }

    private static String due(JsonNode value, LocalTimes times) {
        return value.isMissingNode() || value.isNull() ? "" : ", due " + times.date(value.asString());
    }

    private static String quote(JsonNode value) {
        return value.isMissingNode() || value.asString().isBlank() ? "" : ": “" + value.asString() + "”";
    }
}
