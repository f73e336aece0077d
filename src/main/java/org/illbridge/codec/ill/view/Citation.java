package org.illbridge.codec.ill.view;

import java.nio.charset.Charset;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;

/**
 * What an ILL-Request asks for, as the message file keeps it: the item (and its OCLC number), when
 * it is needed, what may be paid, and for whom (the patron, ISO 10161's client).
 */
public record Citation(String title, String author, String needBefore, String maximumCost, String oclcNumber,
                       String patron) {

    public static Citation of(Apdu apdu, Charset charset) {
        String cost = apdu.text(charset, "cost-info-type", "maximum-cost", "monetary-value")
                .map(value -> apdu.text(charset, "cost-info-type", "maximum-cost", "currency-code").map(c -> c + " ").orElse("")
                        + value)
                .orElse(null);
        return new Citation(apdu.text(charset, "item-id", "title").orElse(null),
                apdu.text(charset, "item-id", "author").orElse(null),
                apdu.text(charset, "search-type", "need-before-date").orElse(null),
                cost, oclcNumber(apdu, charset),
                apdu.text(charset, "client-id", "client-name").orElse(null));
    }

    /** The OCLC number from item-id's system-no (the LAC SystemNo EXTERNAL with system oclc), if any. */
    private static String oclcNumber(Apdu apdu, Charset charset) {
        if (!(apdu.at("item-id", "system-no", "encoding").orElse(null) instanceof AsnValue.Choice encoding)
                || !(encoding.value() instanceof AsnValue.Typed content)
                || !(content.value() instanceof AsnValue.SequenceOf numbers)) {
            return null;
        }
        for (AsnValue number : numbers.elements()) {
            if (number instanceof AsnValue.Sequence systemNo
                    && systemNo.get("system").orElse(null) instanceof AsnValue.Enumerated system
                    && "oclc".equals(system.identifier())
                    && systemNo.get("recordNo").orElse(null) instanceof AsnValue.IllString recordNo) {
                return recordNo.text(charset).orElse(null);
            }
        }
        return null;
    }
}
