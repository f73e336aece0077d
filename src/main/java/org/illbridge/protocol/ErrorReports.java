package org.illbridge.protocol;

import static org.illbridge.protocol.ApduDocuments.NODES;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.Extensions;
import org.illbridge.codec.ill.view.ErrorReport;
import org.illbridge.codec.ill.view.ErrorReport.ElementProblem;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.codec.json.JsonViewException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the Status-Or-Error-Report that tells a sender why its APDU was refused: about the same
 * transaction and parties as the refused APDU (or a placeholder transaction-id when it could not
 * be decoded), with the provider or user error report the {@link Refusal} names and, where it
 * applies, the IPIG 13.6 detail naming the element.
 */
public final class ErrorReports {

    private static final ApduJson JSON = ApduJson.utf8();

    private ErrorReports() {
    }

    /**
     * @param refused the refused APDU when it decoded, else null
     * @param ourSymbol the symbol we answer as, when known
     */
    public static Apdu of(Refusal refusal, Apdu refused, String ourSymbol, LocalDateTime now) {
        ObjectNode body = NODES.objectNode();
        body.put("protocol-version-num", 2);
        body.set("transaction-id", transactionIdOf(refused));
        body.set("service-date-time", ApduDocuments.serviceDateTime(now));
        copyOrSet(body, refused, "requester-id", null);
        copyOrSet(body, refused, "responder-id", ourSymbol);
        body.set("error-report", errorReport(refusal, refused));
        body.put("note", refusal.sentence());
        ObjectNode apdu = NODES.objectNode();
        apdu.set("Status-Or-Error-Report", body);
        try {
            Apdu report = JSON.fromJson(apdu);
            ElementProblem detail = detailOf(refusal.report());
            return detail == null ? report : Extensions.add(report, ErrorReport.ipigExtension(detail));
        } catch (JsonViewException e) {
            throw new IllegalStateException("an error report illbridge built does not fit ISO 10161: " + e.getMessage(), e);
        }
    }

    private static JsonNode transactionIdOf(Apdu refused) {
        if (refused != null && refused.at("transaction-id").isPresent()) {
            return JSON.toJson(refused).get(refused.type().asnName()).get("transaction-id");
        }
        ObjectNode unknown = NODES.objectNode();
        unknown.put("transaction-group-qualifier", "unknown");
        unknown.put("transaction-qualifier", "unknown");
        return unknown;
    }

    private static void copyOrSet(ObjectNode body, Apdu refused, String component, String symbol) {
        if (refused != null && refused.at(component).isPresent()) {
            body.set(component, JSON.toJson(refused).get(refused.type().asnName()).get(component));
        } else if (symbol != null) {
            body.set(component, ApduDocuments.systemId(symbol));
        }
    }

    private static ObjectNode errorReport(Refusal refusal, Apdu refused) {
        ObjectNode report = NODES.objectNode();
        report.put("correlation-information", correlation(refused));
        Refusal.ErrorReportSpec spec = refusal.report();
        if (spec instanceof Refusal.UnableToPerform unable) {
            report.put("report-source", "user");
            ObjectNode user = NODES.objectNode();
            user.put("unable-to-perform", unable.reason());
            report.set("user-error-report", user);
            return report;
        }
        report.put("report-source", "provider");
        ObjectNode provider = NODES.objectNode();
        if (spec instanceof Refusal.GeneralProblem general) {
            provider.put("general-problem", general.problem());
        } else if (spec instanceof Refusal.TransactionIdProblem problem) {
            provider.put("transaction-id-problem", problem.problem());
        } else if (spec instanceof Refusal.StateTransitionProhibited prohibited) {
            ObjectNode transition = NODES.objectNode();
            transition.put("aPDU-type", prohibited.apduType());
            transition.put("current-state", prohibited.currentState());
            provider.set("state-transition-prohibited", transition);
        }
        report.set("provider-error-report", provider);
        return report;
    }

    private static String correlation(Apdu refused) {
        if (refused == null) {
            return "undecodable APDU";
        }
        String group = refused.text(StandardCharsets.UTF_8, "transaction-id", "transaction-group-qualifier").orElse("?");
        String qualifier = refused.text(StandardCharsets.UTF_8, "transaction-id", "transaction-qualifier").orElse("?");
        return refused.type().asnName() + " " + group + "/" + qualifier;
    }

    private static ElementProblem detailOf(Refusal.ErrorReportSpec spec) {
        if (spec instanceof Refusal.GeneralProblem general) {
            return general.detail();
        }
        if (spec instanceof Refusal.UnableToPerform unable) {
            return unable.detail();
        }
        return null;
    }
}
