package org.illbridge.codec.asn1;

import java.util.Arrays;
import java.util.List;
import org.illbridge.codec.asn1.AsnType.AnyType;
import org.illbridge.codec.asn1.AsnType.BooleanType;
import org.illbridge.codec.asn1.AsnType.ChoiceType;
import org.illbridge.codec.asn1.AsnType.Component;
import org.illbridge.codec.asn1.AsnType.EnumeratedType;
import org.illbridge.codec.asn1.AsnType.IllStringType;
import org.illbridge.codec.asn1.AsnType.IntegerType;
import org.illbridge.codec.asn1.AsnType.NullType;
import org.illbridge.codec.asn1.AsnType.OidType;
import org.illbridge.codec.asn1.AsnType.Presence;
import org.illbridge.codec.asn1.AsnType.SequenceOfType;
import org.illbridge.codec.asn1.AsnType.SequenceType;
import org.illbridge.codec.asn1.AsnType.StringType;
import org.illbridge.codec.asn1.AsnType.TaggedType;

/**
 * Encodes values by a schema ({@link AsnType}) as BER with definite lengths, DEFAULT-valued
 * components written explicitly (YAZ rejects APDUs that leave them out), each ILL-String as the
 * alternative it holds, and opaque ANY content byte for byte.
 *
 * <p>Writes backwards into one growing buffer, so each length is known when its header is
 * written and nothing is copied per level. One instance per encode.
 */
public final class BerEncoder {

    private final TypeRegistry registry;
    private final Path path;
    private byte[] buffer = new byte[512];
    /** Index of the first written byte; the output is buffer[start..]. */
    private int start = buffer.length;

    private BerEncoder(TypeRegistry registry, String root) {
        this.registry = registry;
        this.path = new Path(root);
    }

    public static byte[] encode(AsnType type, AsnValue value, TypeRegistry registry) throws EncodeException {
        BerEncoder encoder = new BerEncoder(registry, type.name());
        encoder.writeTlv(type, value);
        return Arrays.copyOfRange(encoder.buffer, encoder.start, encoder.buffer.length);
    }

    private int written() {
        return buffer.length - start;
    }

    /** Writes the complete encoding (tag, length, content) of {@code value}. */
    private void writeTlv(AsnType type, AsnValue value) throws EncodeException {
        if (type instanceof TaggedType tagged) {
            int mark = written();
            if (tagged.implicit()) {
                writeContent(tagged.inner(), value);
                writeHeader(tagged.tag(), tagged.inner().constructed(), written() - mark);
            } else {
                writeTlv(tagged.inner(), value);
                writeHeader(tagged.tag(), true, written() - mark);
            }
        } else if (type instanceof ChoiceType choice) {
            AsnValue.Choice chosen = expect(AsnValue.Choice.class, value, "a CHOICE");
            Component alternative = choice.alternative(chosen.alternative());
            if (alternative == null) {
                throw error(choice.name() + " has no alternative " + chosen.alternative());
            }
            path.push(alternative.name());
            writeTlv(alternative.type(), chosen.value());
            path.pop();
        } else if (type instanceof IllStringType) {
            AsnValue.IllString text = expect(AsnValue.IllString.class, value, "an ILL-String");
            byte[] bytes = text.unsafeBytes();
            writeBytes(bytes);
            writeHeader(text.edifact() ? IllStringType.VISIBLE_STRING : IllStringType.GENERAL_STRING, false, bytes.length);
        } else if (type instanceof AnyType) {
            writeAny(value);
        } else {
            int mark = written();
            writeContent(type, value);
            writeHeader(type.tag(), type.constructed(), written() - mark);
        }
    }

    private void writeAny(AsnValue value) throws EncodeException {
        if (value instanceof AsnValue.Opaque opaque) {
            writeBytes(opaque.unsafeTlv());
        } else if (value instanceof AsnValue.Typed typed) {
            AsnType type = registry.byName(typed.typeName()).orElseThrow(() ->
                    error("no type " + typed.typeName() + " is known for an ANY"));
            writeTlv(type, typed.value());
        } else {
            throw error("an ANY needs a typed or opaque value, not " + kind(value));
        }
    }

    /** Writes the content octets of {@code value} (no header). */
    private void writeContent(AsnType type, AsnValue value) throws EncodeException {
        if (type instanceof TaggedType || type instanceof ChoiceType || type instanceof AnyType
                || type instanceof IllStringType) {
            // an implicit tag over these is refused when the schema is built; explicit ones carry their own TLV
            writeTlv(type, value);
        } else if (type instanceof SequenceType sequence) {
            writeSequence(sequence, expect(AsnValue.Sequence.class, value, "a SEQUENCE"));
        } else if (type instanceof SequenceOfType sequenceOf) {
            List<AsnValue> elements = expect(AsnValue.SequenceOf.class, value, "a SEQUENCE OF").elements();
            for (int i = elements.size() - 1; i >= 0; i--) {
                path.pushIndex(i);
                writeTlv(sequenceOf.element(), elements.get(i));
                path.pop();
            }
        } else if (type instanceof EnumeratedType enumerated) {
            writeInteger(expect(AsnValue.Enumerated.class, value, "an ENUMERATED " + enumerated.name()).number());
        } else if (type instanceof IntegerType) {
            writeInteger(expect(AsnValue.Int.class, value, "an INTEGER").value());
        } else if (type instanceof BooleanType) {
            writeByte(expect(AsnValue.Bool.class, value, "a BOOLEAN").value() ? 0xFF : 0x00);
        } else if (type instanceof NullType) {
            expect(AsnValue.Null.class, value, "NULL");
        } else if (type instanceof OidType) {
            writeOid(expect(AsnValue.Oid.class, value, "an OBJECT IDENTIFIER").dotted());
        } else if (type instanceof StringType string) {
            writeBytes(expect(AsnValue.Bytes.class, value, "a " + string.name()).bytes());
        } else {
            throw new IllegalStateException("no encoder for " + type);
        }
    }

    private void writeSequence(SequenceType type, AsnValue.Sequence value) throws EncodeException {
        List<Component> components = type.components();
        AsnValue[] byComponent = new AsnValue[components.size()];
        int next = 0;
        for (AsnValue.Field field : value.fields()) {
            int index = indexFrom(components, field.name(), next);
            if (index < 0) {
                index = type.indexOf(field.name());
            }
            if (index < 0) {
                throw error(type.name() + " has no component " + field.name());
            }
            byComponent[index] = field.value();
            next = index + 1;
        }
        for (int i = components.size() - 1; i >= 0; i--) {
            Component component = components.get(i);
            AsnValue present = byComponent[i] != null ? byComponent[i]
                    : component.presence() == Presence.DEFAULT ? component.defaultValue() : null;
            path.push(component.name());
            if (present != null) {
                writeTlv(component.type(), present);
            } else if (component.presence() == Presence.REQUIRED) {
                throw error("required element is missing");
            }
            path.pop();
        }
    }

    /** Fields are normally in module order, so the component is found a few steps on from the last. */
    private static int indexFrom(List<Component> components, String name, int from) {
        for (int i = from; i < components.size(); i++) {
            if (components.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    // ---- primitives, written backwards ----------------------------------------------------

    private void writeHeader(Tag tag, boolean constructed, int length) {
        writeLength(length);
        int identifier = tag.tagClass() | (constructed ? 0x20 : 0);
        if (tag.number() < 31) {
            writeByte(identifier | tag.number());
        } else {
            int number = tag.number();
            writeByte(number & 0x7F);
            number >>>= 7;
            while (number > 0) {
                writeByte(0x80 | (number & 0x7F));
                number >>>= 7;
            }
            writeByte(identifier | 0x1F);
        }
    }

    private void writeLength(int length) {
        if (length < 0x80) {
            writeByte(length);
            return;
        }
        int octets = 0;
        for (int rest = length; rest > 0; rest >>>= 8) {
            writeByte(rest & 0xFF);
            octets++;
        }
        writeByte(0x80 | octets);
    }

    private void writeInteger(long value) {
        // minimal two's complement: stop once the remaining octets are pure sign extension
        do {
            writeByte((int) (value & 0xFF));
            long rest = value >> 8;
            boolean signBitSet = (value & 0x80) != 0;
            if ((rest == 0 && !signBitSet) || (rest == -1 && signBitSet)) {
                return;
            }
            value = rest;
        } while (true);
    }

    private void writeOid(String dotted) throws EncodeException {
        String[] parts = dotted.split("\\.");
        long[] arcs = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                arcs[i] = Long.parseLong(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw error("'" + dotted + "' is not an object identifier");
        }
        if (arcs.length < 2 || arcs[0] > 2 || arcs[1] < 0 || (arcs[0] < 2 && arcs[1] > 39)) {
            throw error("'" + dotted + "' is not an object identifier");
        }
        for (int i = arcs.length - 1; i >= 1; i--) {
            long arc = i == 1 ? arcs[0] * 40 + arcs[1] : arcs[i];
            if (arc < 0) {
                throw error("'" + dotted + "' has a negative arc");
            }
            writeByte((int) (arc & 0x7F));
            for (arc >>>= 7; arc > 0; arc >>>= 7) {
                writeByte(0x80 | (int) (arc & 0x7F));
            }
        }
    }

    private void writeBytes(byte[] bytes) {
        ensure(bytes.length);
        start -= bytes.length;
        System.arraycopy(bytes, 0, buffer, start, bytes.length);
    }

    private void writeByte(int b) {
        ensure(1);
        buffer[--start] = (byte) b;
    }

    private void ensure(int more) {
        if (start >= more) {
            return;
        }
        int used = written();
        int size = Math.max(buffer.length * 2, used + more + 64);
        byte[] grown = new byte[size];
        System.arraycopy(buffer, start, grown, size - used, used);
        buffer = grown;
        start = size - used;
    }

    private <T extends AsnValue> T expect(Class<T> kind, AsnValue value, String what) throws EncodeException {
        if (!kind.isInstance(value)) {
            throw error("expected " + what + " but the value is " + kind(value));
        }
        return kind.cast(value);
    }

    private EncodeException error(String problem) {
        return new EncodeException(path.toString(), problem);
    }

    private static String kind(AsnValue value) {
        return value == null ? "missing" : value.getClass().getSimpleName();
    }
}
