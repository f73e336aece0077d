package org.illbridge.protocol;

import static org.illbridge.protocol.ApduDocuments.NODES;

import java.time.LocalDateTime;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.IllTypes;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.codec.json.JsonViewException;
import tools.jackson.databind.node.ObjectNode;

/** Answers a Status-Query with a Status-Or-Error-Report holding a status report from the stored state. */
public final class StatusReports {

    private static final ApduJson JSON = ApduJson.utf8();

    private StatusReports() {
    }

    /** What the message file knows of the transaction asked about. */
    public record Known(ProtocolState state, LocalDateTime requested, LocalDateTime lastTransition, String title,
                        String author, ApduType mostRecentService, LocalDateTime mostRecentAt, String initiatorSymbol) {
    }

    public static Apdu answer(Apdu query, Known known, LocalDateTime now) {
        ObjectNode queryBody = (ObjectNode) JSON.toJson(query).get(query.type().asnName());
        ObjectNode body = NODES.objectNode();
        body.put("protocol-version-num", query.protocolVersion());
        body.set("transaction-id", queryBody.get("transaction-id"));
        body.set("service-date-time", ApduDocuments.serviceDateTime(now));
        if (queryBody.has("requester-id")) {
            body.set("requester-id", queryBody.get("requester-id"));
        }
        if (queryBody.has("responder-id")) {
            body.set("responder-id", queryBody.get("responder-id"));
        }
        ObjectNode history = NODES.objectNode();
        history.put("date-requested", ApduDocuments.date(known.requested()));
        if (known.author() != null) {
            history.put("author", known.author());
        }
        if (known.title() != null) {
            history.put("title", known.title());
        }
        history.put("date-of-last-transition", ApduDocuments.date(known.lastTransition()));
        String service = IllTypes.ILL_APDU_TYPE.identifiers().get((long) known.mostRecentService().applicationTag());
        if (mostRecentServiceNames(service)) {
            history.put("most-recent-service", service);
        } else {
            history.put("most-recent-service", known.mostRecentService().applicationTag());
        }
        history.put("date-of-most-recent-service", ApduDocuments.date(known.mostRecentAt()));
        history.set("initiator-of-most-recent-service", ApduDocuments.systemId(known.initiatorSymbol()));
        ObjectNode report = NODES.objectNode();
        report.set("user-status-report", history);
        report.put("provider-status-report", known.state().currentState());
        body.set("status-report", report);
        ObjectNode apdu = NODES.objectNode();
        apdu.set("Status-Or-Error-Report", body);
        try {
            return JSON.fromJson(apdu);
        } catch (JsonViewException e) {
            throw new IllegalStateException("a status report illbridge built does not fit ISO 10161: " + e.getMessage(), e);
        }
    }

    /** History-Report's list of services lacks Overdue and Renew: those are reported by number. */
    private static boolean mostRecentServiceNames(String service) {
        return service != null && !service.equals("oVERDUE") && !service.equals("rENEW");
    }
}
