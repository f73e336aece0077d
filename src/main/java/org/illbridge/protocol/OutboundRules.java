package org.illbridge.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;

/**
 * OCLC's rules for what an ISO ILL site sends it, from the notes for ISO ILL sites and OCLC's
 * Direct Request guide: each a small check with a reason and the advice the notes give. A peer
 * that is not OCLC gets only the protocol's checks (the protocol machine).
 */
public final class OutboundRules {

    /** A refused action: why, and what to do instead. */
    public record Refused(String code, String reason, String advice, List<FieldProblem> fields) {

        public Refused(String code, String reason, String advice) {
            this(code, reason, advice, List.of());
        }
    }

    private OutboundRules() {
    }

    /** Whether staff are offered the action at all: OCLC's rules forbid Will Supply outright. */
    public static boolean offers(StaffAction action, boolean oclcRules) {
        return !(oclcRules && action == StaffAction.WILL_SUPPLY);
    }

    public static Optional<Refused> check(Apdu apdu, boolean oclcRules, boolean feeManagement) {
        if (!oclcRules) {
            return Optional.empty();
        }
        if (apdu.type() == ApduType.ILL_ANSWER && "will-supply".equals(results(apdu))) {
            return Optional.of(new Refused("oclc-will-supply",
                    "OCLC does not accept Will Supply (Will Send) in answer to OCLC borrowing requests.",
                    "Send Shipped when you fill the request."));
        }
        if (apdu.type() == ApduType.ILL_REQUEST) {
            return newRequest(apdu, feeManagement);
        }
        return Optional.empty();
    }

    /** What is wrong with one field of a new request, by the field's name in the API. */
    public record FieldProblem(String field, String problem) {
    }

    /** A staff action as OCLC's rules let it go: possibly rewritten (with a note saying so), or refused. */
    public record Ruling(StaffAction action, ActionRequest request, String rewritten, Refused refused) {

        static Ruling as(StaffAction action, ActionRequest request) {
            return new Ruling(action, request, null, null);
        }
    }

    /** Where the rules about a staff action depend on the site and the request. */
    public record Setting(boolean managedInOclc, String site, boolean oclcRules, boolean transformBibliographicConditionals) {
    }

    /**
     * OCLC's rules on a staff action before its APDU is built: "anything for which you are the OCLC
     * lender prior to the profile install will need to be updated in OCLC"; and no Conditional about
     * wrong or incomplete bibliographic data — refused, or where the site says so rewritten into Not
     * Supplied (not-found-as-cited).
     */
    public static Ruling rule(StaffAction action, ActionRequest request, Setting setting) {
        if (setting.managedInOclc()) {
            return new Ruling(action, request, null, new Refused("predates-profile",
                    "This request was created before " + setting.site() + "'s ISO ILL profile: it belongs to OCLC.",
                    "Update this request in OCLC (Passport or the OCLC ILL Web interface)."));
        }
        if (action != StaffAction.CONDITIONAL || !Boolean.TRUE.equals(request.bibliographic()) || !setting.oclcRules()) {
            return Ruling.as(action, request);
        }
        if (!setting.transformBibliographicConditionals()) {
            return new Ruling(action, request, null, new Refused("oclc-conditional-bibliographic",
                    "Do not answer Conditional when the borrower's bibliographic data is wrong or incomplete: the borrower's"
                            + " corrections are not carried by the Conditional Reply.",
                    "Answer Not Supplied with the reason not-found-as-cited."));
        }
        return new Ruling(StaffAction.NOT_SUPPLIED, new ActionRequest(StaffAction.NOT_SUPPLIED.apiName(), request.note(),
                "not-found-as-cited", null, null, null, null, null, null, null, null, null, null),
                "OCLC's rule: a Conditional about bibliographic data was sent as Not Supplied (not-found-as-cited)", null);
    }

    private static Optional<Refused> newRequest(Apdu apdu, boolean feeManagement) {
        List<FieldProblem> missing = new ArrayList<>();
        if (apdu.at("search-type", "level-of-service").isEmpty() && apdu.at("search-type", "need-before-date").isEmpty()
                && apdu.at("search-type", "expiry-date").isEmpty()) {
            missing.add(new FieldProblem("level-of-service", "a service level, need-before date or expiry date (search-type)"));
        }
        if (apdu.at("item-id", "title").isEmpty()) {
            missing.add(new FieldProblem("title", "the title (item-id.title)"));
        }
        if (apdu.at("item-id", "verification-reference-source").isEmpty()) {
            missing.add(new FieldProblem("verification",
                    "Verified, the source the citation was checked in (item-id.verification-reference-source)"));
        }
        if (apdu.at("delivery-address").isEmpty()) {
            missing.add(new FieldProblem("ship-to", "Ship To (delivery-address)"));
        }
        if (!asksForLoanOrCopy(apdu)) {
            missing.add(new FieldProblem("service-type", "a loan or copy-non-returnable service type (iLL-service-type)"));
        }
        if (feeManagement) {
            Optional<String> currency = apdu.text(StandardCharsets.ISO_8859_1, "cost-info-type", "maximum-cost", "currency-code");
            if (apdu.at("cost-info-type", "maximum-cost").isEmpty()) {
                missing.add(new FieldProblem("maximum-cost",
                        "a maximum cost (cost-info-type.maximum-cost), required with ILL Fee Management"));
            } else if (!currency.map("USD"::equals).orElse(false)) {
                missing.add(new FieldProblem("maximum-cost", "the maximum cost in USD (ILL Fee Management accepts no other currency)"));
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refused("oclc-incomplete-request",
                "OCLC will not accept this request without " + String.join("; ", missing.stream().map(FieldProblem::problem)
                        .toList()) + ".",
                "Fill in the missing fields and place the request again.", missing));
    }

    private static boolean asksForLoanOrCopy(Apdu apdu) {
        return apdu.at("iLL-service-type").map(types -> ((AsnValue.SequenceOf) types).elements().stream()
                .map(type -> ((AsnValue.Enumerated) type).identifier())
                .anyMatch(type -> "loan".equals(type) || "copy-non-returnable".equals(type))).orElse(false);
    }

    private static String results(Apdu apdu) {
        return apdu.at("transaction-results").map(v -> ((AsnValue.Enumerated) v).identifier()).orElse(null);
    }
}
