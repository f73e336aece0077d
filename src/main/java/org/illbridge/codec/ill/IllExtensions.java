package org.illbridge.codec.ill;

import static org.illbridge.codec.asn1.Components.explicit;
import static org.illbridge.codec.asn1.Components.implicit;
import static org.illbridge.codec.asn1.Components.untagged;
import static org.illbridge.codec.ill.IllTypes.ILL_STRING;
import static org.illbridge.codec.ill.IllTypes.SYSTEM_ADDRESS;
import static org.illbridge.codec.ill.IllTypes.SYSTEM_ID;

import org.illbridge.codec.asn1.AsnType;
import org.illbridge.codec.asn1.AsnType.ChoiceType;
import org.illbridge.codec.asn1.AsnType.EnumeratedType;
import org.illbridge.codec.asn1.AsnType.SequenceOfType;
import org.illbridge.codec.asn1.AsnType.SequenceType;
import org.illbridge.codec.asn1.TypeRegistry;
import org.illbridge.codec.asn1.Universal;

/**
 * The extension and EXTERNAL types illbridge decodes, by object identifier. An EXTERNAL whose
 * direct-reference is not here is kept as opaque bytes and written back unchanged.
 */
public final class IllExtensions {

    private IllExtensions() {
    }

    public static final String OCLC_ILL_REQUEST_EXTENSION_OID = "1.0.10161.13.2";
    public static final String APDU_DELIVERY_INFO_OID = "1.0.10161.13.3";
    public static final String SYSTEM_NO_OID = "1.2.124.10161.2";
    public static final String IPIG_USER_ERROR_INFO_OID = "1.0.10161.13.6";
    public static final String OCLC_ERROR_LIST_OID = "1.0.10161.13.1000.2.2";
    public static final String OCLC_SHIPPED_EXTENSION_OID = "1.0.10161.13.1000.2.6";

    /** OCLCILLRequestExtension (OID 1.0.10161.13.2); its module has no tagging default, so EXPLICIT. */
    public static final SequenceType OCLC_ILL_REQUEST_EXTENSION = SequenceType.of("OCLCILLRequestExtension",
            explicit(0, "clientDepartment", ILL_STRING).optional(),
            explicit(1, "paymentMethod", ILL_STRING).optional(),
            explicit(2, "uniformTitle", ILL_STRING).optional(),
            explicit(3, "dissertation", ILL_STRING).optional(),
            explicit(4, "issueNumber", ILL_STRING).optional(),
            explicit(5, "volume", ILL_STRING).optional(),
            explicit(6, "affiliations", ILL_STRING).optional(),
            explicit(7, "source", ILL_STRING).optional());

    private static final EnumeratedType APDU_ENCODING = EnumeratedType.of("APDU-Encoding",
            "eDIFACT", 1, "bER-IN-MIME", 2, "bER", 3);

    private static final SequenceType APDU_DELIVERY_PARAMETERS = SequenceType.of("APDU-Delivery-Parameters",
            implicit(0, "encoding", new SequenceOfType("SEQUENCE OF", APDU_ENCODING)).required(),
            implicit(1, "transport", SYSTEM_ADDRESS).required(),
            implicit(2, "aliases", new SequenceOfType("SEQUENCE OF", SYSTEM_ID)).optional());

    private static final SequenceOfType DELIVERY_PARAMETERS = new SequenceOfType("SEQUENCE OF", APDU_DELIVERY_PARAMETERS);

    /** IPIG APDU-Delivery-Info (OID 1.0.10161.13.3): where the sender wants replies delivered. */
    public static final SequenceType APDU_DELIVERY_INFO = SequenceType.of("APDU-Delivery-Info",
            implicit(0, "sender-info", DELIVERY_PARAMETERS).required(),
            implicit(1, "recipient-info", DELIVERY_PARAMETERS).required(),
            implicit(2, "transponder-info", DELIVERY_PARAMETERS).optional());

    /** The LAC system-number EXTERNAL (OID 1.2.124.10161.2), carrying e.g. an OCLC number. */
    public static final SequenceOfType SYSTEM_NO = new SequenceOfType("SystemNo", SequenceType.of("SEQUENCE",
            untagged("system", EnumeratedType.of("System",
                    "dobis", 1, "candoc", 2, "oclc", 3, "rlin", 4, "utlas", 5, "other", 6)).required(),
            untagged("recordNo", ILL_STRING).required()));

    /** Identifier ::= ILL-String, formatted APDU-identifier[.identifier...], e.g. ILL-REQUEST.item-id.title. */
    private static final AsnType IDENTIFIER = ILL_STRING;

    /**
     * IPIG-Additional-User-Error-Information (OID 1.0.10161.13.6), carried in a
     * Status-Or-Error-Report: which element of the refused APDU was missing, truncated or wrong.
     * Its module has no tagging default, so EXPLICIT.
     */
    public static final SequenceOfType ADDITIONAL_USER_ERROR_REPORT_INFO = new SequenceOfType(
            "Additional-User-Error-Report-Info", ChoiceType.of("CHOICE",
            implicit(4, "element-truncated", SequenceType.of("Element-Truncated",
                    explicit(0, "element", IDENTIFIER).required(),
                    explicit(1, "truncated-value", ILL_STRING).required())).required(),
            explicit(5, "missing-required-element", IDENTIFIER).required(),
            implicit(6, "unsupported-field-length", SequenceType.of("Unsupported-Field-Length",
                    explicit(0, "element", IDENTIFIER).required(),
                    explicit(1, "min-length", Universal.INTEGER).optional(),
                    explicit(2, "max-length", Universal.INTEGER).optional())).required(),
            implicit(7, "unrecognized-data", SequenceType.of("Unrecognized-Data",
                    explicit(0, "element", IDENTIFIER).required(),
                    explicit(1, "data", ILL_STRING).optional(),
                    explicit(2, "expected-format", ILL_STRING).optional(),
                    explicit(3, "supported-values", ILL_STRING).optional())).required(),
            explicit(8, "inconsistent-data", ILL_STRING).required(),
            explicit(9, "other", ILL_STRING).required()));

    /** OCLCILLErrorList (OID 1.0.10161.13.1000.2.2): why the OCLC ILL system could not process an APDU. */
    public static final SequenceOfType OCLC_ILL_ERROR_LIST = new SequenceOfType("OCLCILLErrorList", SequenceType.of("SEQUENCE",
            implicit(0, "errorCode", EnumeratedType.of("ENUMERATED",
                    "missingRequiredField", 1, "missingTitle", 2, "invalidResponderSpecificServiceType", 3,
                    "unsupportedILLServiceType", 4, "invalidILLServiceType", 5, "malformedData", 6,
                    "requesterNotAuthorized", 7, "requesterSymbolMissing", 8, "invalidRequesterSymbol", 9,
                    "duplicateTransactionId", 10, "invalidTransactionId", 11, "malformedRequest", 12)).optional(),
            explicit(1, "errorText", ILL_STRING).optional()));

    /** OCLC-Shipped-Extension (OID 1.0.10161.13.1000.2.6): the payment method in a Shipped, for IFM. */
    public static final SequenceType OCLC_SHIPPED_EXTENSION = SequenceType.of("OCLC-Shipped-Extension",
            explicit(0, "paymentMethod", ILL_STRING).required());

    /** Every type an EXTERNAL or ANY may be decoded as. */
    public static final TypeRegistry REGISTRY = TypeRegistry.builder(Universal.EXTERNAL)
            .register(OCLC_ILL_REQUEST_EXTENSION_OID, OCLC_ILL_REQUEST_EXTENSION)
            .register(APDU_DELIVERY_INFO_OID, APDU_DELIVERY_INFO)
            .register(SYSTEM_NO_OID, SYSTEM_NO)
            .register(IPIG_USER_ERROR_INFO_OID, ADDITIONAL_USER_ERROR_REPORT_INFO)
            .register(OCLC_ERROR_LIST_OID, OCLC_ILL_ERROR_LIST)
            .register(OCLC_SHIPPED_EXTENSION_OID, OCLC_SHIPPED_EXTENSION)
            .build();

    /** The type registered for {@code oid}, if any. */
    public static AsnType forOid(String oid) {
        return REGISTRY.byOid(oid).orElse(null);
    }
}
