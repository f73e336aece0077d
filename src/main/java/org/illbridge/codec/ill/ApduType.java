package org.illbridge.codec.ill;

import java.util.List;
import org.illbridge.codec.asn1.AsnType;

/** The 20 ISO ILL APDU types, with their ASN.1 names and [APPLICATION n] tags. */
public enum ApduType {
    ILL_REQUEST("ILL-Request", 1, IllTypes.ILL_REQUEST),
    FORWARD_NOTIFICATION("Forward-Notification", 2, IllTypes.FORWARD_NOTIFICATION),
    SHIPPED("Shipped", 3, IllTypes.SHIPPED),
    ILL_ANSWER("ILL-Answer", 4, IllTypes.ILL_ANSWER),
    CONDITIONAL_REPLY("Conditional-Reply", 5, IllTypes.CONDITIONAL_REPLY),
    CANCEL("Cancel", 6, IllTypes.CANCEL),
    CANCEL_REPLY("Cancel-Reply", 7, IllTypes.CANCEL_REPLY),
    RECEIVED("Received", 8, IllTypes.RECEIVED),
    RECALL("Recall", 9, IllTypes.RECALL),
    RETURNED("Returned", 10, IllTypes.RETURNED),
    CHECKED_IN("Checked-In", 11, IllTypes.CHECKED_IN),
    OVERDUE("Overdue", 12, IllTypes.OVERDUE),
    RENEW("Renew", 13, IllTypes.RENEW),
    RENEW_ANSWER("Renew-Answer", 14, IllTypes.RENEW_ANSWER),
    LOST("Lost", 15, IllTypes.LOST),
    DAMAGED("Damaged", 16, IllTypes.DAMAGED),
    MESSAGE("Message", 17, IllTypes.MESSAGE),
    STATUS_QUERY("Status-Query", 18, IllTypes.STATUS_QUERY),
    STATUS_OR_ERROR_REPORT("Status-Or-Error-Report", 19, IllTypes.STATUS_OR_ERROR_REPORT),
    EXPIRED("Expired", 20, IllTypes.EXPIRED);

    /** values() copies its array at every call; this is the one copy. */
    private static final ApduType[] ALL = values();

    private final String asnName;
    private final int applicationTag;
    private final AsnType type;

    ApduType(String asnName, int applicationTag, AsnType type) {
        this.asnName = asnName;
        this.applicationTag = applicationTag;
        this.type = type;
    }

    /** The name in the ASN.1 module, e.g. {@code ILL-Request}. */
    public String asnName() {
        return asnName;
    }

    /** n in [APPLICATION n]; also the ILL-APDU-Type value. */
    public int applicationTag() {
        return applicationTag;
    }

    public AsnType type() {
        return type;
    }

    /** The name of this APDU's extensions component, e.g. {@code iLL-request-extensions}. */
    public String extensionsComponent() {
        AsnType.SequenceType body = (AsnType.SequenceType) ((AsnType.TaggedType) type).inner();
        List<AsnType.Component> components = body.components();
        return components.get(components.size() - 1).name();
    }

    /** The ILL-APDU-Type identifier of this type, as error reports name it: {@code iLL-REQUEST}, … */
    public String identifier() {
        return IllTypes.ILL_APDU_TYPE.identifiers().get((long) applicationTag);
    }

    /** The type with this [APPLICATION n] tag, or null. */
    public static ApduType ofApplicationTag(int number) {
        for (ApduType apduType : ALL) {
            if (apduType.applicationTag == number) {
                return apduType;
            }
        }
        return null;
    }

    public static ApduType ofAsnName(String name) {
        for (ApduType apduType : values()) {
            if (apduType.asnName.equals(name)) {
                return apduType;
            }
        }
        throw new IllegalArgumentException("no APDU type is called '" + name + "'");
    }
}
