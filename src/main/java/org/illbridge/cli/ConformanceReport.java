package org.illbridge.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.view.DeliveryInfo;
import org.illbridge.codec.ill.view.ErrorReport;
import org.illbridge.codec.json.ApduJson;
import tools.jackson.databind.JsonNode;

/** The conformance check's table — each APDU sent, what came back, where, in how long — and what the partner seems to support. */
final class ConformanceReport {

    private final List<ConformanceCheck.Outcome> outcomes;
    private final Duration wait;
    private final boolean listening;

    ConformanceReport(List<ConformanceCheck.Outcome> outcomes, Duration wait, boolean listening) {
        this.outcomes = outcomes;
        this.wait = wait;
        this.listening = listening;
    }

    String table() {
        StringBuilder text = new StringBuilder("| # | sent | extensions | came back | on | after |\n|---|---|---|---|---|---|\n");
        int n = 0;
        for (ConformanceCheck.Outcome outcome : outcomes) {
            n++;
            String sent = "| " + n + " | " + outcome.step().name() + " | " + String.join(", ", outcome.step().extensions()) + " | ";
            if (outcome.replies().isEmpty()) {
                text.append(sent).append("nothing within ").append(seconds(wait)).append(" |  |  |\n");
            }
            for (ConformanceCheck.Received reply : outcome.replies()) {
                text.append(sent).append(describe(reply)).append(" | ").append(reply.via()).append(" | ")
                        .append((reply.atNanos() - outcome.sentAtNanos()) / 1_000_000).append(" ms |\n");
                sent = "|  |  |  | ";
            }
        }
        return text.toString();
    }

    List<String> findings() {
        List<String> findings = new ArrayList<>();
        findings.add("Answers on the same connection: " + sameConnection());
        findings.add("APDU-Delivery-Info: " + deliveryInfo());
        findings.add("OCLC ILL request extension and IFM fields: " + requestTaken());
        findings.add("Status-Query: " + answerTo(1, "not answered within " + seconds(wait)));
        findings.add("Message: " + answerTo(2, "no answer (none is expected)"));
        findings.add("Cancel: " + answerTo(3, "no answer within " + seconds(wait) + " (a person decides; a Cancel-Reply comes later)")
                + stateAfterCancel());
        findings.add("Protocol version: " + versions());
        return findings;
    }

    private String sameConnection() {
        List<ConformanceCheck.Received> all = replies();
        if (all.stream().anyMatch(r -> r.via().equals(ConformanceCheck.SAME_CONNECTION))) {
            return "yes";
        }
        if (!all.isEmpty()) {
            return "no: it answered on a new connection to our listener";
        }
        return listening ? "not seen: nothing came back" : "not seen: nothing came back on our connection (with --listen PORT,"
                + " answers on a new connection are read too)";
    }

    private String deliveryInfo() {
        List<Apdu> apdus = replies().stream().map(ConformanceCheck.Received::apdu).filter(a -> a != null).toList();
        Optional<DeliveryInfo> info = apdus.stream().map(a -> DeliveryInfo.of(a, StandardCharsets.UTF_8))
                .flatMap(Optional::stream).findFirst();
        if (info.isPresent()) {
            return "yes, in its answers" + info.get().senderAddress().map(a -> " (its address " + a + ")").orElse("");
        }
        return apdus.isEmpty() ? "not seen: nothing came back" : "no: its answers carry none";
    }

    private String requestTaken() {
        List<ConformanceCheck.Received> first = outcomes.get(0).replies();
        for (ConformanceCheck.Received reply : first) {
            if (reply.apdu() != null && ErrorReport.of(reply.apdu(), StandardCharsets.UTF_8).isPresent()) {
                return "refused: " + describe(reply);
            }
        }
        Optional<String> state = outcomes.size() > 1 ? outcomes.get(1).replies().stream().map(ConformanceCheck.Received::apdu)
                .filter(a -> a != null).map(ConformanceReport::state).flatMap(Optional::stream).findFirst() : Optional.empty();
        if (state.isPresent()) {
            return "taken: the Status-Query found the request " + state.get();
        }
        if (first.stream().anyMatch(r -> r.apdu() != null)) {
            return "taken: it answered the request";
        }
        return "no sign either way: nothing came back about the request";
    }

    private String answerTo(int step, String none) {
        if (outcomes.size() <= step || outcomes.get(step).replies().isEmpty()) {
            return none;
        }
        return String.join("; ", outcomes.get(step).replies().stream().map(ConformanceReport::describe).toList());
    }

    private String stateAfterCancel() {
        return outcomes.size() < 5 ? "" : outcomes.get(4).replies().stream().map(ConformanceCheck.Received::apdu)
                .filter(a -> a != null).map(ConformanceReport::state).flatMap(Optional::stream).findFirst()
                .map(state -> "; a Status-Query then found the request " + state).orElse("");
    }

    private String versions() {
        TreeSet<Integer> versions = new TreeSet<>();
        replies().stream().map(ConformanceCheck.Received::apdu).filter(a -> a != null).forEach(a -> versions.add(a.protocolVersion()));
        return versions.isEmpty() ? "not seen" : String.join(", ", versions.stream().map(String::valueOf).toList());
    }

    private List<ConformanceCheck.Received> replies() {
        return outcomes.stream().flatMap(o -> o.replies().stream()).toList();
    }

    static String describe(ConformanceCheck.Received reply) {
        if (reply.apdu() == null) {
            return reply.problem();
        }
        Apdu apdu = reply.apdu();
        String what = apdu.type().asnName();
        Optional<ErrorReport> error = ErrorReport.of(apdu, StandardCharsets.UTF_8);
        if (error.isPresent()) {
            what += ": error report, " + error.get().reason();
        } else if (state(apdu).isPresent()) {
            what += ": status " + state(apdu).get();
        } else if (apdu.type() == ApduType.STATUS_OR_ERROR_REPORT) {
            what += ": no report, " + json(apdu).at("/Status-Or-Error-Report/reason-no-report").asString();
        } else if (apdu.type() == ApduType.CANCEL_REPLY) {
            what += ": " + (json(apdu).at("/Cancel-Reply/answer").asBoolean() ? "yes" : "no");
        }
        return what + (DeliveryInfo.of(apdu, StandardCharsets.UTF_8).isPresent() ? " (with APDU-Delivery-Info)" : "");
    }

    private static Optional<String> state(Apdu apdu) {
        JsonNode state = json(apdu).at("/Status-Or-Error-Report/status-report/provider-status-report");
        return state.isMissingNode() ? Optional.empty() : Optional.of(state.asString());
    }

    private static JsonNode json(Apdu apdu) {
        return ApduJson.utf8().toJson(apdu);
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }
}
