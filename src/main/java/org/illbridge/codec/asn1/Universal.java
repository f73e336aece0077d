package org.illbridge.codec.asn1;

import static org.illbridge.codec.asn1.Components.explicit;
import static org.illbridge.codec.asn1.Components.implicit;
import static org.illbridge.codec.asn1.Components.untagged;

import org.illbridge.codec.asn1.AsnType.AnyType;
import org.illbridge.codec.asn1.AsnType.BooleanType;
import org.illbridge.codec.asn1.AsnType.ChoiceType;
import org.illbridge.codec.asn1.AsnType.IntegerType;
import org.illbridge.codec.asn1.AsnType.NullType;
import org.illbridge.codec.asn1.AsnType.OidType;
import org.illbridge.codec.asn1.AsnType.SequenceType;
import org.illbridge.codec.asn1.AsnType.StringType;
import org.illbridge.codec.asn1.AsnType.TaggedType;

/** The universal ASN.1 types the ISO ILL modules use. */
public final class Universal {

    private Universal() {
    }

    public static final IntegerType INTEGER = new IntegerType("INTEGER");
    public static final BooleanType BOOLEAN = new BooleanType("BOOLEAN");
    public static final NullType NULL = new NullType("NULL");
    public static final OidType OBJECT_IDENTIFIER = new OidType("OBJECT IDENTIFIER");
    public static final StringType OCTET_STRING = new StringType("OCTET STRING", 4);
    public static final StringType BIT_STRING = new StringType("BIT STRING", 3);
    public static final StringType OBJECT_DESCRIPTOR = new StringType("ObjectDescriptor", 7);
    public static final StringType PRINTABLE_STRING = new StringType("PrintableString", 19);
    public static final StringType VISIBLE_STRING = new StringType("VisibleString", 26);

    /**
     * EXTERNAL ::= [UNIVERSAL 8] IMPLICIT SEQUENCE { direct-reference, indirect-reference,
     * data-value-descriptor, encoding CHOICE { single-ASN1-type [0] ANY, octet-aligned [1]
     * IMPLICIT OCTET STRING, arbitrary [2] IMPLICIT BIT STRING } } (X.208). The ANY is decoded
     * with the type registered for direct-reference.
     */
    public static final AsnType EXTERNAL = new TaggedType(Tag.universal(8), true, SequenceType.of("EXTERNAL",
            untagged("direct-reference", OBJECT_IDENTIFIER).optional(),
            untagged("indirect-reference", INTEGER).optional(),
            untagged("data-value-descriptor", OBJECT_DESCRIPTOR).optional(),
            untagged("encoding", ChoiceType.of("encoding",
                    explicit(0, "single-ASN1-type", new AnyType("ANY", "direct-reference")).required(),
                    implicit(1, "octet-aligned", OCTET_STRING).required(),
                    implicit(2, "arbitrary", BIT_STRING).required())).required()));
}
