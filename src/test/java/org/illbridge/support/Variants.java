package org.illbridge.support;

import java.nio.charset.StandardCharsets;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.IllCodec;

/** A YAZ vector with one thing changed (a symbol, a transaction qualifier), encoded again. */
public final class Variants {

    private static final IllCodec CODEC = new IllCodec();

    private Variants() {
    }

    /** The vector with {@code component} (requester-id, responder-id) naming {@code symbol}. */
    public static byte[] withSymbol(byte[] vector, String component, String symbol) {
        return edit(vector, apdu -> apdu.body().with(component, systemId(symbol)));
    }

    public static byte[] withQualifier(byte[] vector, String qualifier) {
        return edit(vector, apdu -> {
            AsnValue.Sequence id = (AsnValue.Sequence) apdu.at("transaction-id").orElseThrow();
            return apdu.body().with("transaction-id", id.with("transaction-qualifier",
                    AsnValue.IllString.general(qualifier, StandardCharsets.UTF_8)));
        });
    }

    /** The vector with {@code component} of {@code group} (e.g. item-id's title) left out. */
    public static byte[] without(byte[] vector, String group, String component) {
        return edit(vector, apdu -> {
            AsnValue.Sequence inner = (AsnValue.Sequence) apdu.at(group).orElseThrow();
            return apdu.body().with(group, new AsnValue.Sequence(
                    inner.fields().stream().filter(f -> !f.name().equals(component)).toList()));
        });
    }

    public static AsnValue systemId(String symbol) {
        return AsnValue.Sequence.of(new AsnValue.Field("person-or-institution-symbol",
                new AsnValue.Choice("institution-symbol", AsnValue.IllString.general(symbol, StandardCharsets.UTF_8))));
    }

    private interface Edit {
        AsnValue.Sequence apply(Apdu apdu);
    }

    private static byte[] edit(byte[] vector, Edit edit) {
        try {
            Apdu apdu = CODEC.decode(vector);
            return CODEC.encode(new Apdu(apdu.type(), edit.apply(apdu)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
