package org.illbridge.inbound;

import java.util.Locale;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.Extensions;
import org.illbridge.codec.ill.view.ErrorReport.ElementProblem;
import org.illbridge.protocol.ReasonCode;
import org.illbridge.protocol.Refusal;

/**
 * The checks every inbound APDU passes before it may touch the message file: no extension marked
 * critical that illbridge cannot read, and the elements illbridge needs present (an ILL-Request
 * names its item's title and its requester).
 */
final class ApduChecks {

    private ApduChecks() {
    }

    static void check(IdentifiedApdu identified) {
        Apdu apdu = identified.apdu();
        for (Extensions.Extension extension : Extensions.in(apdu)) {
            if (extension.critical() && !extension.understood()) {
                throw new ApduRefused(new Refusal(ReasonCode.UNKNOWN_CRITICAL_EXTENSION,
                        "The " + apdu.type().asnName() + " carries an extension marked critical that illbridge does not"
                                + " know (" + (extension.oid() != null ? "OID " + extension.oid() : "no OID")
                                + "); it cannot be processed without it.",
                        new Refusal.UnableToPerform("other", ElementProblem.unrecognized(
                                element(apdu.type(), apdu.type().extensionsComponent())))));
            }
        }
        if (apdu.type() == ApduType.ILL_REQUEST) {
            require(apdu, apdu.at("item-id", "title").isPresent(), "item-id.title", "title");
            require(apdu, identified.requesterSymbol() != null, "requester-id", "requesting library's symbol");
        }
    }

    /** An element named as IPIG error information writes it: {@code ILL-REQUEST.item-id.title}. */
    static String element(ApduType type, String path) {
        return type.asnName().toUpperCase(Locale.ROOT) + "." + path;
    }

    private static void require(Apdu apdu, boolean present, String path, String what) {
        if (!present) {
            String element = element(apdu.type(), path);
            throw new ApduRefused(new Refusal(ReasonCode.MISSING_ELEMENT,
                    "The " + apdu.type().asnName() + " has no " + what + " (" + element + "), which is needed to process it.",
                    new Refusal.UnableToPerform("other", ElementProblem.missing(element))));
        }
    }
}
