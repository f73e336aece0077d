package org.illbridge.codec.ill.view;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.Extensions;
import org.illbridge.codec.ill.IllExtensions;

/**
 * The error report of a Status-Or-Error-Report: the problem (provider or user error report, as
 * "alternative value"), the note, and the IPIG additional user error information
 * (1.0.10161.13.6) naming elements of the refused APDU.
 */
public record ErrorReport(String problem, String note, List<ElementProblem> elements) {

    /** One IPIG detail: what is wrong ({@code missing-required-element}, {@code unrecognized-data}, …) with which element. */
    public record ElementProblem(String kind, String element) {

        public static ElementProblem missing(String element) {
            return new ElementProblem("missing-required-element", element);
        }

        public static ElementProblem unrecognized(String element) {
            return new ElementProblem("unrecognized-data", element);
        }
    }

    public ErrorReport {
        elements = List.copyOf(elements);
    }

    /** The error report of a Status-Or-Error-Report that carries one. */
    public static Optional<ErrorReport> of(Apdu apdu, Charset charset) {
        if (apdu.type() != ApduType.STATUS_OR_ERROR_REPORT || apdu.at("error-report").isEmpty()) {
            return Optional.empty();
        }
        String problem = apdu.at("error-report", "provider-error-report").or(() -> apdu.at("error-report", "user-error-report"))
                .map(choice -> (AsnValue.Choice) choice)
                .map(choice -> choice.alternative() + " " + describe(choice.value()))
                .orElse(null);
        List<ElementProblem> elements = new ArrayList<>();
        Extensions.find(apdu, IllExtensions.IPIG_USER_ERROR_INFO_OID).ifPresent(info -> {
            for (AsnValue element : ((AsnValue.SequenceOf) info).elements()) {
                elements.add(elementProblem((AsnValue.Choice) element, charset));
            }
        });
        return Optional.of(new ErrorReport(problem, apdu.text(charset, "note").orElse(null), elements));
    }

    /** The peer's reason in one line: its problem and its note. */
    public String reason() {
        StringBuilder why = new StringBuilder(problem == null ? "" : problem);
        if (note != null) {
            why.append(why.isEmpty() ? "" : "; ").append(note);
        }
        return why.isEmpty() ? "no reason given" : why.toString();
    }

    /** The IPIG additional user error information as an extension, for one element problem. */
    public static AsnValue ipigExtension(ElementProblem problem) {
        AsnValue element = AsnValue.IllString.general(problem.element(), StandardCharsets.UTF_8);
        AsnValue info = "missing-required-element".equals(problem.kind())
                ? new AsnValue.Choice("missing-required-element", element)
                : new AsnValue.Choice(problem.kind(), AsnValue.Sequence.of(new AsnValue.Field("element", element)));
        return Extensions.of(IllExtensions.IPIG_USER_ERROR_INFO_OID, "Additional-User-Error-Report-Info",
                new AsnValue.SequenceOf(List.of(info)));
    }

    private static ElementProblem elementProblem(AsnValue.Choice choice, Charset charset) {
        AsnValue value = choice.value();
        String element = value instanceof AsnValue.Sequence details
                ? details.get("element").flatMap(v -> Texts.of(v, charset)).orElse(null)
                : Texts.of(value, charset).orElse(null);
        return new ElementProblem(choice.alternative(), element);
    }

    private static String describe(AsnValue value) {
        if (value instanceof AsnValue.Enumerated e) {
            return e.identifier() != null ? e.identifier() : String.valueOf(e.number());
        }
        if (value instanceof AsnValue.Sequence s) {
            return s.fields().stream().map(f -> f.name() + "=" + describe(f.value())).toList().toString();
        }
        return String.valueOf(value);
    }
}
