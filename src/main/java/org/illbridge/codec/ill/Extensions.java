package org.illbridge.codec.ill;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.illbridge.codec.asn1.AsnValue;

/**
 * The extensions of an APDU (its {@code *-extensions} component), read and written in one place:
 * each {@link Extension} says whether it is critical, its EXTERNAL's object identifier and, when
 * illbridge knows the type, its decoded content. {@link #of(String, String, AsnValue)} is the
 * one way illbridge builds an extension.
 */
public final class Extensions {

    private Extensions() {
    }

    /** One extension: critical or not, its EXTERNAL's OID (null if none), its content when decoded (else null). */
    public record Extension(boolean critical, String oid, AsnValue.Typed content) {

        /** Whether illbridge could read the content: its OID is registered and it decoded. */
        public boolean understood() {
            return content != null;
        }

        /** The decoded content, if this extension carries {@code oid}. */
        public Optional<AsnValue> contentIf(String wanted) {
            return wanted.equals(oid) && content != null ? Optional.of(content.value()) : Optional.empty();
        }
    }

    /** Every extension the APDU carries, in order. */
    public static List<Extension> in(Apdu apdu) {
        List<Extension> found = new ArrayList<>();
        for (AsnValue.Field field : apdu.body().fields()) {
            if (field.name().endsWith("-extensions") && field.value() instanceof AsnValue.SequenceOf list) {
                for (AsnValue element : list.elements()) {
                    found.add(read((AsnValue.Sequence) element));
                }
            }
        }
        return found;
    }

    /** The content of the first extension with this OID that decoded. */
    public static Optional<AsnValue> find(Apdu apdu, String oid) {
        return in(apdu).stream().flatMap(e -> e.contentIf(oid).stream()).findFirst();
    }

    /**
     * An extension as ISO ILL implementors write them: identifier 1, not critical, an EXTERNAL whose
     * direct-reference is {@code oid} and whose single-ASN1-type is {@code content} of {@code typeName}.
     */
    public static AsnValue of(String oid, String typeName, AsnValue content) {
        AsnValue external = AsnValue.Sequence.of(
                new AsnValue.Field("direct-reference", new AsnValue.Oid(oid)),
                new AsnValue.Field("encoding", new AsnValue.Choice("single-ASN1-type", new AsnValue.Typed(typeName, content))));
        return AsnValue.Sequence.of(
                new AsnValue.Field("identifier", new AsnValue.Int(1)),
                new AsnValue.Field("critical", AsnValue.Bool.FALSE),
                new AsnValue.Field("item", new AsnValue.Typed("EXTERNAL", external)));
    }

    /** The APDU with {@code extension} added after those it carries. */
    public static Apdu add(Apdu apdu, AsnValue extension) {
        String component = apdu.type().extensionsComponent();
        List<AsnValue> extensions = new ArrayList<>(apdu.at(component)
                .map(v -> ((AsnValue.SequenceOf) v).elements()).orElse(List.of()));
        extensions.add(extension);
        return new Apdu(apdu.type(), apdu.body().with(component, new AsnValue.SequenceOf(extensions)));
    }

    private static Extension read(AsnValue.Sequence extension) {
        boolean critical = extension.get("critical").map(c -> ((AsnValue.Bool) c).value()).orElse(false);
        AsnValue item = extension.get("item").orElse(null);
        if (!(item instanceof AsnValue.Typed typed) || !(typed.value() instanceof AsnValue.Sequence external)) {
            return new Extension(critical, null, null);
        }
        String oid = external.get("direct-reference").map(o -> ((AsnValue.Oid) o).dotted()).orElse(null);
        AsnValue.Typed content = external.get("encoding")
                .map(encoding -> ((AsnValue.Choice) encoding).value())
                .filter(AsnValue.Typed.class::isInstance).map(AsnValue.Typed.class::cast)
                .orElse(null);
        return new Extension(critical, oid, content);
    }
}
