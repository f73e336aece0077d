package org.illbridge.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.illbridge.codec.asn1.AsnType;
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
import org.illbridge.codec.asn1.AsnValue;

/**
 * Random valid values of any schema type, for property tests: every OPTIONAL component present or
 * not, every CHOICE alternative, every ENUMERATED identifier, arbitrary bytes in strings. Seeded,
 * so a failure names the seed that reproduces it.
 */
public final class RandomAsnValues {

    private final Random random;

    public RandomAsnValues(long seed) {
        this.random = new Random(seed);
    }

    public AsnValue of(AsnType type) {
        return of(type, 0);
    }

    private AsnValue of(AsnType type, int depth) {
        if (type instanceof TaggedType tagged) {
            return of(tagged.inner(), depth);
        }
        if (type instanceof SequenceType sequence) {
            List<AsnValue.Field> fields = new ArrayList<>();
            for (Component component : sequence.components()) {
                boolean include = component.presence() != Presence.OPTIONAL || (depth < 6 && random.nextBoolean());
                if (include) {
                    AsnValue value = component.presence() == Presence.DEFAULT && random.nextBoolean()
                            ? component.defaultValue()
                            : of(component.type(), depth + 1);
                    fields.add(new AsnValue.Field(component.name(), value));
                }
            }
            return new AsnValue.Sequence(fields);
        }
        if (type instanceof SequenceOfType sequenceOf) {
            int count = depth < 6 ? random.nextInt(4) : 0;
            List<AsnValue> elements = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                elements.add(of(sequenceOf.element(), depth + 1));
            }
            return new AsnValue.SequenceOf(elements);
        }
        if (type instanceof ChoiceType choice) {
            Component alternative = choice.alternatives().get(random.nextInt(choice.alternatives().size()));
            return new AsnValue.Choice(alternative.name(), of(alternative.type(), depth + 1));
        }
        if (type instanceof EnumeratedType enumerated) {
            List<Map.Entry<Long, String>> entries = List.copyOf(enumerated.identifiers().entrySet());
            Map.Entry<Long, String> entry = entries.get(random.nextInt(entries.size()));
            return new AsnValue.Enumerated(entry.getKey(), entry.getValue());
        }
        if (type instanceof IntegerType) {
            return new AsnValue.Int(random.nextBoolean() ? random.nextInt(10_000) : random.nextLong());
        }
        if (type instanceof BooleanType) {
            return new AsnValue.Bool(random.nextBoolean());
        }
        if (type instanceof NullType) {
            return new AsnValue.Null();
        }
        if (type instanceof OidType) {
            return new AsnValue.Oid("1.3.6.1.4.1." + random.nextInt(1_000_000) + "." + random.nextInt(128));
        }
        if (type instanceof StringType) {
            return new AsnValue.Bytes(bytes(20));
        }
        if (type instanceof IllStringType) {
            return new AsnValue.IllString(random.nextInt(5) == 0, bytes(40));
        }
        if (type instanceof AnyType) {
            byte[] content = bytes(10);
            byte[] tlv = new byte[content.length + 2];
            tlv[0] = 0x04; // an OCTET STRING: no known type, so it stays opaque
            tlv[1] = (byte) content.length;
            System.arraycopy(content, 0, tlv, 2, content.length);
            return new AsnValue.Opaque(tlv);
        }
        throw new IllegalStateException("no generator for " + type);
    }

    private byte[] bytes(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }
}
