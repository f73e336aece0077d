package org.illbridge.codec.ill.view;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.illbridge.codec.asn1.AsnValue;

/** Reading and writing the small values the views are made of: ILL-Strings and System-Ids. */
public final class Texts {

    private Texts() {
    }

    /** The text of an ILL-String (or a VisibleString's bytes); empty for anything else or bytes not in the charset. */
    public static Optional<String> of(AsnValue value, Charset charset) {
        if (value instanceof AsnValue.IllString string) {
            return string.text(charset);
        }
        if (value instanceof AsnValue.Bytes bytes) {
            return Optional.of(bytes.latin1());
        }
        return Optional.empty();
    }

    /** The institution or person symbol of a System-Id, else its name, else "". */
    public static String symbol(AsnValue systemId, Charset charset) {
        if (!(systemId instanceof AsnValue.Sequence sequence)) {
            return "";
        }
        return sequence.get("person-or-institution-symbol")
                .or(() -> sequence.get("name-of-person-or-institution"))
                .map(choice -> ((AsnValue.Choice) choice).value())
                .flatMap(text -> of(text, charset))
                .orElse("");
    }

    /** A System-Id naming an institution by its symbol. */
    public static AsnValue systemId(String symbol) {
        return AsnValue.Sequence.of(new AsnValue.Field("person-or-institution-symbol",
                new AsnValue.Choice("institution-symbol", AsnValue.IllString.general(symbol, StandardCharsets.UTF_8))));
    }
}
