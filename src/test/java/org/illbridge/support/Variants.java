package org.illbridge.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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

    /** The vector about transaction {@code group}/{@code qualifier}. */
    public static byte[] withTransaction(byte[] vector, String group, String qualifier) {
        return edit(withQualifier(vector, qualifier), apdu -> {
            AsnValue.Sequence id = (AsnValue.Sequence) apdu.at("transaction-id").orElseThrow();
            return apdu.body().with("transaction-id", id.with("transaction-group-qualifier",
                    AsnValue.IllString.general(group, StandardCharsets.UTF_8)));
        });
    }

    public static byte[] withQualifier(byte[] vector, String qualifier) {
        return edit(vector, apdu -> {
            AsnValue.Sequence id = (AsnValue.Sequence) apdu.at("transaction-id").orElseThrow();
            return apdu.body().with("transaction-id", id.with("transaction-qualifier",
                    AsnValue.IllString.general(qualifier, StandardCharsets.UTF_8)));
        });
    }

    /** The vector with an initial-requester-id in its transaction-id, as some partners add one. */
    public static byte[] withInitialRequester(byte[] vector, String symbol) {
        return edit(vector, apdu -> {
            AsnValue.Sequence id = (AsnValue.Sequence) apdu.at("transaction-id").orElseThrow();
            return apdu.body().with("transaction-id", id.with("initial-requester-id", systemId(symbol)));
        });
    }

    /** The vector saying its transaction began on {@code date} (YYYYMMDD): date-time-of-original-service. */
    public static byte[] withOriginalServiceDate(byte[] vector, String date) {
        return edit(vector, apdu -> {
            AsnValue.Sequence when = (AsnValue.Sequence) apdu.at("service-date-time").orElseThrow();
            AsnValue original = AsnValue.Sequence.of(new AsnValue.Field("date",
                    new AsnValue.Bytes(date.getBytes(StandardCharsets.US_ASCII))));
            return apdu.body().with("service-date-time", when.with("date-time-of-original-service", original));
        });
    }

    /** The vector with {@code component} of {@code group} (e.g. item-id's title) reading {@code text}. */
    public static byte[] with(byte[] vector, String group, String component, String text) {
        return edit(vector, apdu -> {
            AsnValue.Sequence inner = (AsnValue.Sequence) apdu.at(group).orElseThrow();
            return apdu.body().with(group, inner.with(component, AsnValue.IllString.general(text, StandardCharsets.UTF_8)));
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

    /** The vector with an IPIG APDU-Delivery-Info extension naming {@code address} as the sender's. */
    public static byte[] withDeliveryInfo(byte[] vector, String address) {
        return edit(vector, apdu -> {
            String extensions = apdu.type().asnName().toLowerCase(Locale.ROOT) + "-extensions";
            AsnValue parameters = AsnValue.Sequence.of(
                    new AsnValue.Field("encoding", new AsnValue.SequenceOf(List.of(new AsnValue.Enumerated(3, "bER")))),
                    new AsnValue.Field("transport", AsnValue.Sequence.of(
                            new AsnValue.Field("telecom-service-identifier", AsnValue.IllString.general("TCP/IP", StandardCharsets.UTF_8)),
                            new AsnValue.Field("telecom-service-address", AsnValue.IllString.general(address, StandardCharsets.UTF_8)))));
            AsnValue info = AsnValue.Sequence.of(
                    new AsnValue.Field("sender-info", new AsnValue.SequenceOf(List.of(parameters))),
                    new AsnValue.Field("recipient-info", new AsnValue.SequenceOf(List.of(parameters))));
            AsnValue external = AsnValue.Sequence.of(
                    new AsnValue.Field("direct-reference", new AsnValue.Oid("1.0.10161.13.3")),
                    new AsnValue.Field("encoding", new AsnValue.Choice("single-ASN1-type",
                            new AsnValue.Typed("APDU-Delivery-Info", info))));
            AsnValue extension = AsnValue.Sequence.of(
                    new AsnValue.Field("identifier", new AsnValue.Int(1)),
                    new AsnValue.Field("critical", new AsnValue.Bool(false)),
                    new AsnValue.Field("item", new AsnValue.Typed("EXTERNAL", external)));
            return apdu.body().with(extensions, new AsnValue.SequenceOf(List.of(extension)));
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
