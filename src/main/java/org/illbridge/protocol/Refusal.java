package org.illbridge.protocol;

import java.util.Objects;
import org.illbridge.codec.ill.view.ErrorReport.ElementProblem;

/**
 * Why an inbound APDU is refused: a reason code, a sentence a librarian understands, and what
 * the sender's Status-Or-Error-Report says.
 *
 * @param code the machine-readable reason
 * @param sentence what a person reads in the dead letters
 * @param report the error report for the sender
 */
public record Refusal(ReasonCode code, String sentence, ErrorReportSpec report) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(report, "report");
    }

    /** What a Status-Or-Error-Report says about a refused APDU. */
    public sealed interface ErrorReportSpec {
    }

    /** provider-error-report general-problem (a General-Problem identifier, e.g. badly-structured-APDU). */
    public record GeneralProblem(String problem, ElementProblem detail) implements ErrorReportSpec {
    }

    /** provider-error-report transaction-id-problem (duplicate-, invalid- or unknown-transaction-id). */
    public record TransactionIdProblem(String problem) implements ErrorReportSpec {
    }

    /** provider-error-report state-transition-prohibited {aPDU-type, current-state}. */
    public record StateTransitionProhibited(String apduType, String currentState) implements ErrorReportSpec {
    }

    /** user-error-report unable-to-perform, with an IPIG detail (1.0.10161.13.6) naming the element. */
    public record UnableToPerform(String reason, ElementProblem detail) implements ErrorReportSpec {
    }
}
