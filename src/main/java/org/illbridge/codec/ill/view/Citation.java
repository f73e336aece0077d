package org.illbridge.codec.ill.view;

import java.nio.charset.Charset;
import org.illbridge.codec.ill.Apdu;

/** What an ILL-Request asks for, as the message file keeps it: the item, when it is needed, what may be paid. */
public record Citation(String title, String author, String needBefore, String maximumCost) {

    public static Citation of(Apdu apdu, Charset charset) {
        String cost = apdu.text(charset, "cost-info-type", "maximum-cost", "monetary-value")
                .map(value -> apdu.text(charset, "cost-info-type", "maximum-cost", "currency-code").map(c -> c + " ").orElse("")
                        + value)
                .orElse(null);
        return new Citation(apdu.text(charset, "item-id", "title").orElse(null),
                apdu.text(charset, "item-id", "author").orElse(null),
                apdu.text(charset, "search-type", "need-before-date").orElse(null),
                cost);
    }
}
