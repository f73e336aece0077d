package org.illbridge.codec.ill;

import static org.illbridge.codec.asn1.Components.explicit;
import static org.illbridge.codec.asn1.Components.implicit;
import static org.illbridge.codec.asn1.Components.untagged;
import static org.illbridge.codec.asn1.Universal.BOOLEAN;
import static org.illbridge.codec.asn1.Universal.EXTERNAL;
import static org.illbridge.codec.asn1.Universal.INTEGER;
import static org.illbridge.codec.asn1.Universal.NULL;
import static org.illbridge.codec.asn1.Universal.OBJECT_IDENTIFIER;
import static org.illbridge.codec.asn1.Universal.PRINTABLE_STRING;
import static org.illbridge.codec.asn1.Universal.VISIBLE_STRING;

import java.util.ArrayList;
import java.util.List;
import org.illbridge.codec.asn1.AsnType;
import org.illbridge.codec.asn1.AsnType.AnyType;
import org.illbridge.codec.asn1.AsnType.ChoiceType;
import org.illbridge.codec.asn1.AsnType.Component;
import org.illbridge.codec.asn1.AsnType.EnumeratedType;
import org.illbridge.codec.asn1.AsnType.IllStringType;
import org.illbridge.codec.asn1.AsnType.SequenceOfType;
import org.illbridge.codec.asn1.AsnType.SequenceType;
import org.illbridge.codec.asn1.AsnType.TaggedType;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.asn1.Tag;

/**
 * ISO-10161-ILL-1 (ill9702.asn, protocol versions 1 and 2) as data, one constant per ASN.1
 * type, in the module's words. The module is EXPLICIT TAGS: a tag is explicit unless the ASN.1
 * says IMPLICIT. Types are declared before use, so this reads bottom-up against the module.
 */
public final class IllTypes {

    private IllTypes() {
    }

    // ---- strings and dates ----------------------------------------------------------------

    public static final IllStringType ILL_STRING = new IllStringType("ILL-String");
    /** ISO-Date ::= VisibleString, YYYYMMDD. */
    public static final AsnType ISO_DATE = VISIBLE_STRING;
    /** ISO-Time ::= VisibleString, HHMMSS. */
    public static final AsnType ISO_TIME = VISIBLE_STRING;
    public static final AsnType ACCOUNT_NUMBER = ILL_STRING;
    public static final AsnType TRANSPORTATION_MODE = ILL_STRING;
    public static final AsnType SECURITY_PROBLEM = ILL_STRING;

    // ---- enumerations ---------------------------------------------------------------------

    public static final EnumeratedType CURRENT_STATE = EnumeratedType.of("Current-State",
            "nOT-SUPPLIED", 1, "pENDING", 2, "iN-PROCESS", 3, "fORWARD", 4, "cONDITIONAL", 5,
            "cANCEL-PENDING", 6, "cANCELLED", 7, "sHIPPED", 8, "rECEIVED", 9, "rENEW-PENDING", 10,
            "nOT-RECEIVED-OVERDUE", 11, "rENEW-OVERDUE", 12, "oVERDUE", 13, "rETURNED", 14,
            "cHECKED-IN", 15, "rECALL", 16, "lOST", 17, "uNKNOWN", 18);

    public static final EnumeratedType ILL_APDU_TYPE = EnumeratedType.of("ILL-APDU-Type",
            "iLL-REQUEST", 1, "fORWARD-NOTIFICATION", 2, "sHIPPED", 3, "iLL-ANSWER", 4,
            "cONDITIONAL-REPLY", 5, "cANCEL", 6, "cANCEL-REPLY", 7, "rECEIVED", 8, "rECALL", 9,
            "rETURNED", 10, "cHECKED-IN", 11, "oVERDUE", 12, "rENEW", 13, "rENEW-ANSWER", 14,
            "lOST", 15, "dAMAGED", 16, "mESSAGE", 17, "sTATUS-QUERY", 18, "sTATUS-OR-ERROR-REPORT", 19,
            "eXPIRED", 20);

    public static final EnumeratedType ILL_SERVICE_TYPE = EnumeratedType.of("ILL-Service-Type",
            "loan", 1, "copy-non-returnable", 2, "locations", 3, "estimate", 4, "responder-specific", 5);
    /** Shipped-Service-Type ::= ILL-Service-Type (loan | copy-non-returnable). */
    public static final EnumeratedType SHIPPED_SERVICE_TYPE = ILL_SERVICE_TYPE;

    public static final EnumeratedType GENERAL_PROBLEM = EnumeratedType.of("General-Problem",
            "unrecognized-APDU", 1, "mistyped-APDU", 2, "badly-structured-APDU", 3,
            "protocol-version-not-supported", 4, "other", 5);

    public static final EnumeratedType INTERMEDIARY_PROBLEM = EnumeratedType.of("Intermediary-Problem",
            "cannot-send-onward", 1);

    public static final EnumeratedType MEDIUM_TYPE = EnumeratedType.of("Medium-Type",
            "printed", 1, "microform", 3, "film-or-video-recording", 4, "audio-recording", 5,
            "machine-readable", 6, "other", 7);

    public static final EnumeratedType PLACE_ON_HOLD_TYPE = EnumeratedType.of("Place-On-Hold-Type",
            "yes", 1, "no", 2, "according-to-responder-policy", 3);

    public static final EnumeratedType REASON_LOCS_PROVIDED = EnumeratedType.of("Reason-Locs-Provided",
            "in-use-on-loan", 1, "in-process", 2, "lost", 3, "non-circulating", 4, "not-owned", 5,
            "on-order", 6, "volume-issue-not-yet-available", 7, "at-bindery", 8, "lacking", 9,
            "not-on-shelf", 10, "on-reserve", 11, "poor-condition", 12, "cost-exceeds-limit", 13,
            "on-hold", 19, "other", 27, "responder-specific", 28);

    public static final EnumeratedType REASON_NO_REPORT = EnumeratedType.of("Reason-No-Report",
            "temporary", 1, "permanent", 2);

    public static final EnumeratedType REASON_UNFILLED = EnumeratedType.of("Reason-Unfilled",
            "in-use-on-loan", 1, "in-process", 2, "lost", 3, "non-circulating", 4, "not-owned", 5,
            "on-order", 6, "volume-issue-not-yet-available", 7, "at-bindery", 8, "lacking", 9,
            "not-on-shelf", 10, "on-reserve", 11, "poor-condition", 12, "cost-exceeds-limit", 13,
            "charges", 14, "prepayment-required", 15, "lacks-copyright-compliance", 16,
            "not-found-as-cited", 17, "locations-not-found", 18, "on-hold", 19, "policy-problem", 20,
            "mandatory-messaging-not-supported", 21, "expiry-not-supported", 22,
            "requested-delivery-services-not-supported", 23, "preferred-delivery-time-not-possible", 24,
            "other", 27, "responder-specific", 28);

    public static final EnumeratedType REPORT_SOURCE = EnumeratedType.of("Report-Source", "user", 1, "provider", 2);

    public static final EnumeratedType SUPPLY_MEDIUM_TYPE = EnumeratedType.of("Supply-Medium-Type",
            "printed", 1, "photocopy", 2, "microform", 3, "film-or-video-recording", 4,
            "audio-recording", 5, "machine-readable", 6, "other", 7);

    public static final EnumeratedType TRANSACTION_ID_PROBLEM = EnumeratedType.of("Transaction-Id-Problem",
            "duplicate-transaction-id", 1, "invalid-transaction-id", 2, "unknown-transaction-id", 3);

    public static final EnumeratedType TRANSACTION_RESULTS = EnumeratedType.of("Transaction-Results",
            "conditional", 1, "retry", 2, "unfilled", 3, "locations-provided", 4, "will-supply", 5,
            "hold-placed", 6, "estimate", 7);

    public static final EnumeratedType TRANSACTION_TYPE = EnumeratedType.of("Transaction-Type",
            "simple", 1, "chained", 2, "partitioned", 3);

    public static final EnumeratedType UNABLE_TO_PERFORM = EnumeratedType.of("Unable-To-Perform",
            "not-available", 1, "resource-limitation", 2, "other", 3);

    private static EnumeratedType requiresDesiresNeither(String name) {
        return EnumeratedType.of(name, "requires", 1, "desires", 2, "neither", 3);
    }

    // ---- names, addresses, identifiers ----------------------------------------------------

    public static final ChoiceType NAME_OF_PERSON_OR_INSTITUTION = ChoiceType.of("Name-Of-Person-Or-Institution",
            explicit(0, "name-of-person", ILL_STRING).required(),
            explicit(1, "name-of-institution", ILL_STRING).required());

    public static final ChoiceType PERSON_OR_INSTITUTION_SYMBOL = ChoiceType.of("Person-Or-Institution-Symbol",
            explicit(0, "person-symbol", ILL_STRING).required(),
            explicit(1, "institution-symbol", ILL_STRING).required());

    public static final SequenceType SYSTEM_ID = SequenceType.of("System-Id",
            explicit(0, "person-or-institution-symbol", PERSON_OR_INSTITUTION_SYMBOL).optional(),
            explicit(1, "name-of-person-or-institution", NAME_OF_PERSON_OR_INSTITUTION).optional());

    public static final SequenceType SYSTEM_ADDRESS = SequenceType.of("System-Address",
            explicit(0, "telecom-service-identifier", ILL_STRING).optional(),
            explicit(1, "telecom-service-address", ILL_STRING).optional());

    public static final SequenceType TRANSACTION_ID = SequenceType.of("Transaction-Id",
            implicit(0, "initial-requester-id", SYSTEM_ID).optional(),
            explicit(1, "transaction-group-qualifier", ILL_STRING).required(),
            explicit(2, "transaction-qualifier", ILL_STRING).required(),
            explicit(3, "sub-transaction-qualifier", ILL_STRING).optional());

    private static SequenceType dateTime() {
        return SequenceType.of("SEQUENCE",
                implicit(0, "date", ISO_DATE).required(),
                implicit(1, "time", ISO_TIME).optional());
    }

    public static final SequenceType SERVICE_DATE_TIME = SequenceType.of("Service-Date-Time",
            implicit(0, "date-time-of-this-service", dateTime()).required(),
            implicit(1, "date-time-of-original-service", dateTime()).optional());

    public static final SequenceType POSTAL_ADDRESS = SequenceType.of("Postal-Address",
            explicit(0, "name-of-person-or-institution", NAME_OF_PERSON_OR_INSTITUTION).optional(),
            explicit(1, "extended-postal-delivery-address", ILL_STRING).optional(),
            explicit(2, "street-and-number", ILL_STRING).optional(),
            explicit(3, "post-office-box", ILL_STRING).optional(),
            explicit(4, "city", ILL_STRING).optional(),
            explicit(5, "region", ILL_STRING).optional(),
            explicit(6, "country", ILL_STRING).optional(),
            explicit(7, "postal-code", ILL_STRING).optional());

    public static final SequenceType DELIVERY_ADDRESS = SequenceType.of("Delivery-Address",
            implicit(0, "postal-address", POSTAL_ADDRESS).optional(),
            implicit(1, "electronic-address", SYSTEM_ADDRESS).optional());

    public static final SequenceType ELECTRONIC_DELIVERY_SERVICE = SequenceType.of("Electronic-Delivery-Service",
            implicit(0, "e-delivery-service", SequenceType.of("SEQUENCE",
                    implicit(0, "e-delivery-mode", OBJECT_IDENTIFIER).required(),
                    explicit(1, "e-delivery-parameters", new AnyType("ANY", "e-delivery-mode")).required())).optional(),
            implicit(1, "document-type", SequenceType.of("SEQUENCE",
                    implicit(2, "document-type-id", OBJECT_IDENTIFIER).required(),
                    explicit(3, "document-type-parameters", new AnyType("ANY", "document-type-id")).required())).optional(),
            explicit(4, "e-delivery-description", ILL_STRING).optional(),
            explicit(5, "e-delivery-details", ChoiceType.of("CHOICE",
                    implicit(0, "e-delivery-address", SYSTEM_ADDRESS).required(),
                    implicit(1, "e-delivery-id", SYSTEM_ID).required())).required(),
            explicit(6, "name-or-code", ILL_STRING).optional(),
            implicit(7, "delivery-time", ISO_TIME).optional());

    public static final ChoiceType DELIVERY_SERVICE = ChoiceType.of("Delivery-Service",
            explicit(7, "physical-delivery", TRANSPORTATION_MODE).required(),
            implicit(50, "electronic-delivery", new SequenceOfType("SEQUENCE OF", ELECTRONIC_DELIVERY_SERVICE)).required());

    // ---- request components ---------------------------------------------------------------

    public static final SequenceType REQUESTER_OPTIONAL_MESSAGES_TYPE = SequenceType.of("Requester-Optional-Messages-Type",
            implicit(0, "can-send-RECEIVED", BOOLEAN).required(),
            implicit(1, "can-send-RETURNED", BOOLEAN).required(),
            implicit(2, "requester-SHIPPED", requiresDesiresNeither("ENUMERATED")).required(),
            implicit(3, "requester-CHECKED-IN", requiresDesiresNeither("ENUMERATED")).required());

    public static final SequenceType RESPONDER_OPTIONAL_MESSAGES_TYPE = SequenceType.of("Responder-Optional-Messages-Type",
            implicit(0, "can-send-SHIPPED", BOOLEAN).required(),
            implicit(1, "can-send-CHECKED-IN", BOOLEAN).required(),
            implicit(2, "responder-RECEIVED", requiresDesiresNeither("ENUMERATED")).required(),
            implicit(3, "responder-RETURNED", requiresDesiresNeither("ENUMERATED")).required());

    private static final EnumeratedType EXPIRY_FLAG = EnumeratedType.of("ENUMERATED",
            "need-Before-Date", 1, "other-Date", 2, "no-Expiry", 3);

    public static final SequenceType SEARCH_TYPE = SequenceType.of("Search-Type",
            explicit(0, "level-of-service", ILL_STRING).optional(),
            implicit(1, "need-before-date", ISO_DATE).optional(),
            implicit(2, "expiry-flag", EXPIRY_FLAG).withDefault(EXPIRY_FLAG.value("no-Expiry")),
            implicit(3, "expiry-date", ISO_DATE).optional());

    public static final SequenceType SUPPLY_MEDIUM_INFO_TYPE = SequenceType.of("Supply-Medium-Info-Type",
            implicit(0, "supply-medium-type", SUPPLY_MEDIUM_TYPE).required(),
            explicit(1, "medium-characteristics", ILL_STRING).optional());

    public static final SequenceType CLIENT_ID = SequenceType.of("Client-Id",
            explicit(0, "client-name", ILL_STRING).optional(),
            explicit(1, "client-status", ILL_STRING).optional(),
            explicit(2, "client-identifier", ILL_STRING).optional());

    public static final SequenceType ITEM_ID = SequenceType.of("Item-Id",
            implicit(0, "item-type", EnumeratedType.of("ENUMERATED", "monograph", 1, "serial", 2, "other", 3)).optional(),
            implicit(1, "held-medium-type", MEDIUM_TYPE).optional(),
            explicit(2, "call-number", ILL_STRING).optional(),
            explicit(3, "author", ILL_STRING).optional(),
            explicit(4, "title", ILL_STRING).optional(),
            explicit(5, "sub-title", ILL_STRING).optional(),
            explicit(6, "sponsoring-body", ILL_STRING).optional(),
            explicit(7, "place-of-publication", ILL_STRING).optional(),
            explicit(8, "publisher", ILL_STRING).optional(),
            explicit(9, "series-title-number", ILL_STRING).optional(),
            explicit(10, "volume-issue", ILL_STRING).optional(),
            explicit(11, "edition", ILL_STRING).optional(),
            explicit(12, "publication-date", ILL_STRING).optional(),
            explicit(13, "publication-date-of-component", ILL_STRING).optional(),
            explicit(14, "author-of-article", ILL_STRING).optional(),
            explicit(15, "title-of-article", ILL_STRING).optional(),
            explicit(16, "pagination", ILL_STRING).optional(),
            explicit(17, "national-bibliography-no", EXTERNAL).optional(),
            explicit(18, "iSBN", ILL_STRING).optional(),
            explicit(19, "iSSN", ILL_STRING).optional(),
            explicit(20, "system-no", EXTERNAL).optional(),
            explicit(21, "additional-no-letters", ILL_STRING).optional(),
            explicit(22, "verification-reference-source", ILL_STRING).optional());

    public static final SequenceOfType SUPPLEMENTAL_ITEM_DESCRIPTION =
            new SequenceOfType("Supplemental-Item-Description", EXTERNAL);

    public static final SequenceType AMOUNT = SequenceType.of("Amount",
            implicit(0, "currency-code", PRINTABLE_STRING).optional(),
            implicit(1, "monetary-value", PRINTABLE_STRING).required());

    private static final AsnValue FALSE = AsnValue.Bool.FALSE;
    private static final AsnValue TRUE = AsnValue.Bool.TRUE;

    public static final SequenceType COST_INFO_TYPE = SequenceType.of("Cost-Info-Type",
            explicit(0, "account-number", ACCOUNT_NUMBER).optional(),
            implicit(1, "maximum-cost", AMOUNT).optional(),
            implicit(2, "reciprocal-agreement", BOOLEAN).withDefault(FALSE),
            implicit(3, "will-pay-fee", BOOLEAN).withDefault(FALSE),
            implicit(4, "payment-provided", BOOLEAN).withDefault(FALSE));

    public static final SequenceOfType SEND_TO_LIST_TYPE = new SequenceOfType("Send-To-List-Type",
            SequenceType.of("SEQUENCE",
                    implicit(0, "system-id", SYSTEM_ID).required(),
                    explicit(1, "account-number", ACCOUNT_NUMBER).optional(),
                    implicit(2, "system-address", SYSTEM_ADDRESS).optional()));

    public static final SequenceOfType ALREADY_TRIED_LIST_TYPE = new SequenceOfType("Already-Tried-List-Type", SYSTEM_ID);

    private static final EnumeratedType PREFERENCE = EnumeratedType.of("ENUMERATED", "ordered", 1, "unordered", 2);

    public static final SequenceType THIRD_PARTY_INFO_TYPE = SequenceType.of("Third-Party-Info-Type",
            implicit(0, "permission-to-forward", BOOLEAN).withDefault(FALSE),
            implicit(1, "permission-to-chain", BOOLEAN).withDefault(FALSE),
            implicit(2, "permission-to-partition", BOOLEAN).withDefault(FALSE),
            implicit(3, "permission-to-change-send-to-list", BOOLEAN).withDefault(FALSE),
            implicit(4, "initial-requester-address", SYSTEM_ADDRESS).optional(),
            implicit(5, "preference", PREFERENCE).withDefault(PREFERENCE.value("unordered")),
            implicit(6, "send-to-list", SEND_TO_LIST_TYPE).optional(),
            implicit(7, "already-tried-list", ALREADY_TRIED_LIST_TYPE).optional());

    public static final SequenceType EXTENSION = SequenceType.of("Extension",
            implicit(0, "identifier", INTEGER).required(),
            implicit(1, "critical", BOOLEAN).withDefault(FALSE),
            explicit(2, "item", new AnyType("ANY", "identifier")).required());

    private static final SequenceOfType EXTENSIONS = new SequenceOfType("SEQUENCE OF", EXTENSION);

    // ---- answer components ----------------------------------------------------------------

    public static final SequenceType LOCATION_INFO = SequenceType.of("Location-Info",
            implicit(0, "location-id", SYSTEM_ID).required(),
            implicit(1, "location-address", SYSTEM_ADDRESS).optional(),
            explicit(2, "location-note", ILL_STRING).optional());

    private static final SequenceOfType LOCATIONS = new SequenceOfType("SEQUENCE OF", LOCATION_INFO);

    /** Conditional-Results' conditions. */
    public static final EnumeratedType CONDITIONS = EnumeratedType.of("ENUMERATED",
            "cost-exceeds-limit", 13, "charges", 14, "prepayment-required", 15,
            "lacks-copyright-compliance", 16, "library-use-only", 22, "no-reproduction", 23,
            "client-signature-required", 24, "special-collections-supervision-required", 25,
            "other", 27, "responder-specific", 28, "proposed-delivery-service", 30);

    public static final SequenceType CONDITIONAL_RESULTS = SequenceType.of("Conditional-Results",
            implicit(0, "conditions", CONDITIONS).required(),
            implicit(1, "date-for-reply", ISO_DATE).optional(),
            implicit(2, "locations", LOCATIONS).optional(),
            untagged("proposed-delivery-service", DELIVERY_SERVICE).optional());

    public static final SequenceType RETRY_RESULTS = SequenceType.of("Retry-Results",
            implicit(0, "reason-not-available", EnumeratedType.of("ENUMERATED",
                    "in-use-on-loan", 1, "in-process", 2, "on-order", 6, "volume-issue-not-yet-available", 7,
                    "at-bindery", 8, "cost-exceeds-limit", 13, "charges", 14, "prepayment-required", 15,
                    "lacks-copyright-compliance", 16, "not-found-as-cited", 17, "on-hold", 19, "other", 27,
                    "responder-specific", 28)).optional(),
            implicit(1, "retry-date", ISO_DATE).optional(),
            implicit(2, "locations", LOCATIONS).optional());

    public static final SequenceType UNFILLED_RESULTS = SequenceType.of("Unfilled-Results",
            implicit(0, "reason-unfilled", REASON_UNFILLED).required(),
            implicit(1, "locations", LOCATIONS).optional());

    public static final SequenceType LOCATIONS_RESULTS = SequenceType.of("Locations-Results",
            implicit(0, "reason-locs-provided", REASON_LOCS_PROVIDED).optional(),
            implicit(1, "locations", LOCATIONS).required());

    public static final SequenceType WILL_SUPPLY_RESULTS = SequenceType.of("Will-Supply-Results",
            explicit(0, "reason-will-supply", EnumeratedType.of("ENUMERATED",
                    "in-use-on-loan", 1, "in-process", 2, "on-order", 6, "at-bindery", 8, "on-hold", 19,
                    "being-processed-for-supply", 26, "other", 27, "responder-specific", 28,
                    "electronic-delivery", 30)).required(),
            explicit(1, "supply-date", ISO_DATE).optional(),
            explicit(2, "return-to-address", POSTAL_ADDRESS).optional(),
            implicit(3, "locations", LOCATIONS).optional(),
            explicit(4, "electronic-delivery-service", ELECTRONIC_DELIVERY_SERVICE).optional());

    public static final SequenceType HOLD_PLACED_RESULTS = SequenceType.of("Hold-Placed-Results",
            implicit(0, "estimated-date-available", ISO_DATE).required(),
            implicit(1, "hold-placed-medium-type", MEDIUM_TYPE).optional(),
            implicit(2, "locations", LOCATIONS).optional());

    public static final SequenceType ESTIMATE_RESULTS = SequenceType.of("Estimate-Results",
            explicit(0, "cost-estimate", ILL_STRING).required(),
            implicit(1, "locations", LOCATIONS).optional());

    public static final SequenceType DATE_DUE = SequenceType.of("Date-Due",
            implicit(0, "date-due-field", ISO_DATE).required(),
            implicit(1, "renewable", BOOLEAN).withDefault(TRUE));

    public static final SequenceType UNITS_PER_MEDIUM_TYPE = SequenceType.of("Units-Per-Medium-Type",
            explicit(0, "medium", SUPPLY_MEDIUM_TYPE).required(),
            explicit(1, "no-of-units", INTEGER).required());

    public static final SequenceType SUPPLY_DETAILS = SequenceType.of("Supply-Details",
            implicit(0, "date-shipped", ISO_DATE).optional(),
            implicit(1, "date-due", DATE_DUE).optional(),
            implicit(2, "chargeable-units", INTEGER).optional(),
            implicit(3, "cost", AMOUNT).optional(),
            implicit(4, "shipped-conditions", EnumeratedType.of("ENUMERATED",
                    "library-use-only", 22, "no-reproduction", 23, "client-signature-required", 24,
                    "special-collections-supervision-required", 25, "other", 27)).optional(),
            untagged("shipped-via", ChoiceType.of("CHOICE",
                    explicit(5, "physical-delivery", TRANSPORTATION_MODE).required(),
                    implicit(50, "electronic-delivery", ELECTRONIC_DELIVERY_SERVICE).required())).optional(),
            implicit(6, "insured-for", AMOUNT).optional(),
            implicit(7, "return-insurance-require", AMOUNT).optional(),
            implicit(8, "no-of-units-per-medium", new SequenceOfType("SEQUENCE OF", UNITS_PER_MEDIUM_TYPE)).optional());

    public static final SequenceType DAMAGED_DETAILS = SequenceType.of("Damaged-Details",
            implicit(0, "document-type-id", OBJECT_IDENTIFIER).optional(),
            untagged("damaged-portion", ChoiceType.of("CHOICE",
                    implicit(1, "complete-document", NULL).required(),
                    implicit(2, "specific-units", new SequenceOfType("SEQUENCE OF", INTEGER)).required())).required());

    // ---- reports --------------------------------------------------------------------------

    public static final SequenceType STATE_TRANSITION_PROHIBITED = SequenceType.of("State-Transition-Prohibited",
            implicit(0, "aPDU-type", ILL_APDU_TYPE).required(),
            implicit(1, "current-state", CURRENT_STATE).required());

    public static final ChoiceType PROVIDER_ERROR_REPORT = ChoiceType.of("Provider-Error-Report",
            implicit(0, "general-problem", GENERAL_PROBLEM).required(),
            implicit(1, "transaction-id-problem", TRANSACTION_ID_PROBLEM).required(),
            implicit(2, "state-transition-prohibited", STATE_TRANSITION_PROHIBITED).required());

    public static final SequenceType ALREADY_FORWARDED = SequenceType.of("Already-Forwarded",
            implicit(0, "responder-id", SYSTEM_ID).required(),
            implicit(1, "responder-address", SYSTEM_ADDRESS).optional());

    public static final ChoiceType USER_ERROR_REPORT = ChoiceType.of("User-Error-Report",
            implicit(0, "already-forwarded", ALREADY_FORWARDED).required(),
            implicit(1, "intermediary-problem", INTERMEDIARY_PROBLEM).required(),
            explicit(2, "security-problem", SECURITY_PROBLEM).required(),
            implicit(3, "unable-to-perform", UNABLE_TO_PERFORM).required());

    public static final SequenceType ERROR_REPORT = SequenceType.of("Error-Report",
            explicit(0, "correlation-information", ILL_STRING).required(),
            implicit(1, "report-source", REPORT_SOURCE).required(),
            explicit(2, "user-error-report", USER_ERROR_REPORT).optional(),
            explicit(3, "provider-error-report", PROVIDER_ERROR_REPORT).optional());

    public static final SequenceType HISTORY_REPORT = SequenceType.of("History-Report",
            implicit(0, "date-requested", ISO_DATE).optional(),
            explicit(1, "author", ILL_STRING).optional(),
            explicit(2, "title", ILL_STRING).optional(),
            explicit(3, "author-of-article", ILL_STRING).optional(),
            explicit(4, "title-of-article", ILL_STRING).optional(),
            implicit(5, "date-of-last-transition", ISO_DATE).required(),
            implicit(6, "most-recent-service", EnumeratedType.of("ENUMERATED",
                    "iLL-REQUEST", 1, "fORWARD", 21, "fORWARD-NOTIFICATION", 2, "sHIPPED", 3, "iLL-ANSWER", 4,
                    "cONDITIONAL-REPLY", 5, "cANCEL", 6, "cANCEL-REPLY", 7, "rECEIVED", 8, "rECALL", 9,
                    "rETURNED", 10, "cHECKED-IN", 11, "rENEW-ANSWER", 14, "lOST", 15, "dAMAGED", 16,
                    "mESSAGE", 17, "sTATUS-QUERY", 18, "sTATUS-OR-ERROR-REPORT", 19, "eXPIRED", 20)).required(),
            implicit(7, "date-of-most-recent-service", ISO_DATE).required(),
            implicit(8, "initiator-of-most-recent-service", SYSTEM_ID).required(),
            implicit(9, "shipped-service-type", SHIPPED_SERVICE_TYPE).optional(),
            implicit(10, "transaction-results", TRANSACTION_RESULTS).optional(),
            explicit(11, "most-recent-service-note", ILL_STRING).optional());

    public static final SequenceType STATUS_REPORT = SequenceType.of("Status-Report",
            implicit(0, "user-status-report", HISTORY_REPORT).required(),
            implicit(1, "provider-status-report", CURRENT_STATE).required());

    // ---- the APDUs ------------------------------------------------------------------------

    /** The components every APDU starts with: version, transaction-id, date and time, the parties. */
    private static List<Component> header() {
        return List.of(
                implicit(0, "protocol-version-num", INTEGER).required(),
                implicit(1, "transaction-id", TRANSACTION_ID).required(),
                implicit(2, "service-date-time", SERVICE_DATE_TIME).required(),
                implicit(3, "requester-id", SYSTEM_ID).optional(),
                implicit(4, "responder-id", SYSTEM_ID).optional());
    }

    /** {@code Name ::= [APPLICATION n] SEQUENCE { header..., components... }}, explicitly tagged. */
    private static AsnType apdu(int application, String name, Component... components) {
        List<Component> all = new ArrayList<>(header());
        all.addAll(List.of(components));
        return new TaggedType(Tag.application(application), false, new SequenceType(name, all));
    }

    private static Component extensions(String name) {
        return implicit(49, name, EXTENSIONS).optional();
    }

    public static final AsnType ILL_REQUEST = apdu(1, "ILL-Request",
            implicit(5, "transaction-type", TRANSACTION_TYPE).withDefault(TRANSACTION_TYPE.value("simple")),
            implicit(6, "delivery-address", DELIVERY_ADDRESS).optional(),
            untagged("delivery-service", DELIVERY_SERVICE).optional(),
            implicit(8, "billing-address", DELIVERY_ADDRESS).optional(),
            implicit(9, "iLL-service-type", new SequenceOfType("SEQUENCE OF", ILL_SERVICE_TYPE)).required(),
            explicit(10, "responder-specific-service", EXTERNAL).optional(),
            implicit(11, "requester-optional-messages", REQUESTER_OPTIONAL_MESSAGES_TYPE).required(),
            implicit(12, "search-type", SEARCH_TYPE).optional(),
            implicit(13, "supply-medium-info-type", new SequenceOfType("SEQUENCE OF", SUPPLY_MEDIUM_INFO_TYPE)).optional(),
            implicit(14, "place-on-hold", PLACE_ON_HOLD_TYPE)
                    .withDefault(PLACE_ON_HOLD_TYPE.value("according-to-responder-policy")),
            implicit(15, "client-id", CLIENT_ID).optional(),
            implicit(16, "item-id", ITEM_ID).required(),
            implicit(17, "supplemental-item-description", SUPPLEMENTAL_ITEM_DESCRIPTION).optional(),
            implicit(18, "cost-info-type", COST_INFO_TYPE).optional(),
            explicit(19, "copyright-compliance", ILL_STRING).optional(),
            implicit(20, "third-party-info-type", THIRD_PARTY_INFO_TYPE).optional(),
            implicit(21, "retry-flag", BOOLEAN).withDefault(FALSE),
            implicit(22, "forward-flag", BOOLEAN).withDefault(FALSE),
            explicit(46, "requester-note", ILL_STRING).optional(),
            explicit(47, "forward-note", ILL_STRING).optional(),
            extensions("iLL-request-extensions"));

    public static final AsnType FORWARD_NOTIFICATION = new TaggedType(Tag.application(2), false,
            new SequenceType("Forward-Notification", List.of(
                    implicit(0, "protocol-version-num", INTEGER).required(),
                    implicit(1, "transaction-id", TRANSACTION_ID).required(),
                    implicit(2, "service-date-time", SERVICE_DATE_TIME).required(),
                    implicit(3, "requester-id", SYSTEM_ID).optional(),
                    implicit(4, "responder-id", SYSTEM_ID).required(), // mandatory in this APDU
                    implicit(24, "responder-address", SYSTEM_ADDRESS).optional(),
                    implicit(25, "intermediary-id", SYSTEM_ID).required(),
                    explicit(48, "notification-note", ILL_STRING).optional(),
                    extensions("forward-notification-extensions"))));

    public static final AsnType SHIPPED = apdu(3, "Shipped",
            implicit(24, "responder-address", SYSTEM_ADDRESS).optional(),
            implicit(25, "intermediary-id", SYSTEM_ID).optional(),
            implicit(26, "supplier-id", SYSTEM_ID).optional(),
            implicit(15, "client-id", CLIENT_ID).optional(),
            implicit(5, "transaction-type", TRANSACTION_TYPE).withDefault(TRANSACTION_TYPE.value("simple")),
            implicit(17, "supplemental-item-description", SUPPLEMENTAL_ITEM_DESCRIPTION).optional(),
            implicit(27, "shipped-service-type", SHIPPED_SERVICE_TYPE).required(),
            implicit(28, "responder-optional-messages", RESPONDER_OPTIONAL_MESSAGES_TYPE).optional(),
            implicit(29, "supply-details", SUPPLY_DETAILS).required(),
            implicit(30, "return-to-address", POSTAL_ADDRESS).optional(),
            explicit(46, "responder-note", ILL_STRING).optional(),
            extensions("shipped-extensions"));

    public static final ChoiceType RESULTS_EXPLANATION = ChoiceType.of("CHOICE",
            explicit(1, "conditional-results", CONDITIONAL_RESULTS).required(),
            explicit(2, "retry-results", RETRY_RESULTS).required(),
            explicit(3, "unfilled-results", UNFILLED_RESULTS).required(),
            explicit(4, "locations-results", LOCATIONS_RESULTS).required(),
            explicit(5, "will-supply-results", WILL_SUPPLY_RESULTS).required(),
            explicit(6, "hold-placed-results", HOLD_PLACED_RESULTS).required(),
            explicit(7, "estimate-results", ESTIMATE_RESULTS).required());

    public static final AsnType ILL_ANSWER = apdu(4, "ILL-Answer",
            implicit(31, "transaction-results", TRANSACTION_RESULTS).required(),
            explicit(32, "results-explanation", RESULTS_EXPLANATION).optional(),
            explicit(33, "responder-specific-results", EXTERNAL).optional(),
            implicit(17, "supplemental-item-description", SUPPLEMENTAL_ITEM_DESCRIPTION).optional(),
            implicit(23, "send-to-list", SEND_TO_LIST_TYPE).optional(),
            implicit(34, "already-tried-list", ALREADY_TRIED_LIST_TYPE).optional(),
            implicit(28, "responder-optional-messages", RESPONDER_OPTIONAL_MESSAGES_TYPE).optional(),
            explicit(46, "responder-note", ILL_STRING).optional(),
            extensions("ill-answer-extensions"));

    public static final AsnType CONDITIONAL_REPLY = apdu(5, "Conditional-Reply",
            implicit(35, "answer", BOOLEAN).required(),
            explicit(46, "requester-note", ILL_STRING).optional(),
            extensions("conditional-reply-extensions"));

    public static final AsnType CANCEL = apdu(6, "Cancel",
            explicit(46, "requester-note", ILL_STRING).optional(),
            extensions("cancel-extensions"));

    public static final AsnType CANCEL_REPLY = apdu(7, "Cancel-Reply",
            implicit(35, "answer", BOOLEAN).required(),
            explicit(46, "responder-note", ILL_STRING).optional(),
            extensions("cancel-reply-extensions"));

    public static final AsnType RECEIVED = apdu(8, "Received",
            implicit(26, "supplier-id", SYSTEM_ID).optional(),
            implicit(17, "supplemental-item-description", SUPPLEMENTAL_ITEM_DESCRIPTION).optional(),
            implicit(36, "date-received", ISO_DATE).required(),
            implicit(27, "shipped-service-type", SHIPPED_SERVICE_TYPE).required(),
            explicit(46, "requester-note", ILL_STRING).optional(),
            extensions("received-extensions"));

    public static final AsnType RECALL = apdu(9, "Recall",
            explicit(46, "responder-note", ILL_STRING).optional(),
            extensions("recall-extensions"));

    public static final AsnType RETURNED = apdu(10, "Returned",
            implicit(17, "supplemental-item-description", SUPPLEMENTAL_ITEM_DESCRIPTION).optional(),
            implicit(37, "date-returned", ISO_DATE).required(),
            explicit(38, "returned-via", TRANSPORTATION_MODE).optional(),
            implicit(39, "insured-for", AMOUNT).optional(),
            explicit(46, "requester-note", ILL_STRING).optional(),
            extensions("returned-extensions"));

    public static final AsnType CHECKED_IN = apdu(11, "Checked-In",
            implicit(40, "date-checked-in", ISO_DATE).required(),
            explicit(46, "responder-note", ILL_STRING).optional(),
            extensions("checked-in-extensions"));

    /** Overdue's extensions are the one [49] the module does not mark IMPLICIT. */
    public static final AsnType OVERDUE = apdu(12, "Overdue",
            implicit(41, "date-due", DATE_DUE).required(),
            explicit(46, "responder-note", ILL_STRING).optional(),
            explicit(49, "overdue-extensions", EXTENSIONS).optional());

    public static final AsnType RENEW = apdu(13, "Renew",
            implicit(42, "desired-due-date", ISO_DATE).optional(),
            explicit(46, "requester-note", ILL_STRING).optional(),
            extensions("renew-extensions"));

    public static final AsnType RENEW_ANSWER = apdu(14, "Renew-Answer",
            implicit(35, "answer", BOOLEAN).required(),
            implicit(41, "date-due", DATE_DUE).optional(),
            explicit(46, "responder-note", ILL_STRING).optional(),
            extensions("renew-answer-extensions"));

    public static final AsnType LOST = apdu(15, "Lost",
            explicit(46, "note", ILL_STRING).optional(),
            extensions("lost-extensions"));

    public static final AsnType DAMAGED = apdu(16, "Damaged",
            implicit(5, "damaged-details", DAMAGED_DETAILS).optional(),
            explicit(46, "note", ILL_STRING).optional(),
            extensions("damaged-extensions"));

    public static final AsnType MESSAGE = apdu(17, "Message",
            explicit(46, "note", ILL_STRING).required(),
            extensions("message-extensions"));

    public static final AsnType STATUS_QUERY = apdu(18, "Status-Query",
            explicit(46, "note", ILL_STRING).optional(),
            extensions("status-query-extensions"));

    public static final AsnType STATUS_OR_ERROR_REPORT = apdu(19, "Status-Or-Error-Report",
            implicit(43, "reason-no-report", REASON_NO_REPORT).optional(),
            implicit(44, "status-report", STATUS_REPORT).optional(),
            implicit(45, "error-report", ERROR_REPORT).optional(),
            explicit(46, "note", ILL_STRING).optional(),
            extensions("status-or-error-report-extensions"));

    public static final AsnType EXPIRED = apdu(20, "Expired",
            extensions("expired-extensions"));

    /** ILL-APDU ::= CHOICE { ILL-Request, …, Expired }: the alternatives are named by their types. */
    public static final ChoiceType ILL_APDU = ChoiceType.of("ILL-APDU",
            untagged("ILL-Request", ILL_REQUEST).required(),
            untagged("Forward-Notification", FORWARD_NOTIFICATION).required(),
            untagged("Shipped", SHIPPED).required(),
            untagged("ILL-Answer", ILL_ANSWER).required(),
            untagged("Conditional-Reply", CONDITIONAL_REPLY).required(),
            untagged("Cancel", CANCEL).required(),
            untagged("Cancel-Reply", CANCEL_REPLY).required(),
            untagged("Received", RECEIVED).required(),
            untagged("Recall", RECALL).required(),
            untagged("Returned", RETURNED).required(),
            untagged("Checked-In", CHECKED_IN).required(),
            untagged("Overdue", OVERDUE).required(),
            untagged("Renew", RENEW).required(),
            untagged("Renew-Answer", RENEW_ANSWER).required(),
            untagged("Lost", LOST).required(),
            untagged("Damaged", DAMAGED).required(),
            untagged("Message", MESSAGE).required(),
            untagged("Status-Query", STATUS_QUERY).required(),
            untagged("Status-Or-Error-Report", STATUS_OR_ERROR_REPORT).required(),
            untagged("Expired", EXPIRED).required());
}
