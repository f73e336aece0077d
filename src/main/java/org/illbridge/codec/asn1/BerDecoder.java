package org.illbridge.codec.asn1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Decodes BER by a schema ({@link AsnType}). Accepts definite (short and long form) and
 * indefinite lengths, BOOLEAN TRUE as any non-zero octet, and DEFAULT components present or
 * absent (an absent one is filled in with its default, so the value always holds it).
 *
 * <p>Hostile input cannot hurt it: every length is checked against the bytes actually left
 * before anything is allocated, nesting and the number of elements are bounded, and every problem
 * is a {@link DecodeException} naming the element and the offset. One instance per decode.
 */
public final class BerDecoder {

    /** Bounds on what one APDU may make the decoder do. */
    public record Limits(int maxDepth, int maxElements) {
        public static final Limits DEFAULT = new Limits(64, 200_000);
    }

    private final byte[] in;
    private final TypeRegistry registry;
    private final Limits limits;
    private int elements;

    private BerDecoder(byte[] in, TypeRegistry registry, Limits limits) {
        this.in = in;
        this.registry = registry;
        this.limits = limits;
    }

    /** Decodes {@code bytes}, which must hold exactly one value of {@code type} and nothing after it. */
    public static AsnValue decode(byte[] bytes, AsnType type, TypeRegistry registry, Limits limits)
            throws DecodeException {
        BerDecoder decoder = new BerDecoder(bytes, registry, limits);
        Path path = Path.root(type.name());
        if (bytes.length == 0) {
            throw new DecodeException(path.toString(), 0, "no bytes to decode");
        }
        Element element = decoder.read(0, bytes.length, path, 0);
        if (!decoder.matches(type, element.tag())) {
            throw new DecodeException(path.toString(), 0, "expected " + describe(type) + " but found tag " + element.tag());
        }
        AsnValue value = decoder.decode(type, element, path, Map.of(), 0);
        if (element.end() != bytes.length) {
            throw new DecodeException(path.toString(), element.end(),
                    (bytes.length - element.end()) + " bytes follow the end of the value");
        }
        return value;
    }

    /** A TLV found in the input: where its header, content and end are. */
    private record Element(int tagClass, boolean constructed, int number, int start, int contentStart,
                           int contentEnd, int end) {
        Tag tag() {
            return new Tag(tagClass, number);
        }

        int length() {
            return contentEnd - contentStart;
        }
    }

    // ---- reading TLVs ----------------------------------------------------------------------

    private Element read(int offset, int limit, Path path, int depth) throws DecodeException {
        if (++elements > limits.maxElements()) {
            throw error(path, offset, "more than " + limits.maxElements() + " elements");
        }
        if (depth > limits.maxDepth()) {
            throw error(path, offset, "elements nested deeper than " + limits.maxDepth());
        }
        int i = offset;
        if (i >= limit) {
            throw error(path, offset, "element expected but no bytes are left");
        }
        int identifier = in[i++] & 0xFF;
        int tagClass = identifier & 0xC0;
        boolean constructed = (identifier & 0x20) != 0;
        int number = identifier & 0x1F;
        if (number == 0x1F) {
            number = 0;
            int b;
            int octets = 0;
            do {
                if (i >= limit) {
                    throw error(path, offset, "tag is cut short at offset " + i);
                }
                b = in[i++] & 0xFF;
                if (++octets > 4) {
                    throw error(path, offset, "tag number longer than 4 octets at offset " + offset);
                }
                number = (number << 7) | (b & 0x7F);
            } while ((b & 0x80) != 0);
        }
        if (i >= limit) {
            throw error(path, offset, "length is missing at offset " + i);
        }
        int first = in[i++] & 0xFF;
        if (first == 0x80) {
            if (!constructed) {
                throw error(path, offset, "primitive element with an indefinite length at offset " + offset);
            }
            int contentEnd = endOfIndefinite(i, limit, path, depth);
            return new Element(tagClass, constructed, number, offset, i, contentEnd, contentEnd + 2);
        }
        long length = first;
        if (first > 0x80) {
            int octets = first & 0x7F;
            if (octets > 4) {
                throw error(path, offset, "length of " + octets + " octets at offset " + offset + " is not supported");
            }
            if (i + octets > limit) {
                throw error(path, offset, "length is cut short at offset " + i);
            }
            length = 0;
            for (int k = 0; k < octets; k++) {
                length = (length << 8) | (in[i++] & 0xFF);
            }
        }
        long left = limit - i;
        if (length > left) {
            throw error(path, offset, "length " + length + " exceeds the " + left + " bytes left at offset " + offset);
        }
        return new Element(tagClass, constructed, number, offset, i, i + (int) length, i + (int) length);
    }

    /** The offset of the end-of-contents octets closing an indefinite-length element. */
    private int endOfIndefinite(int contentStart, int limit, Path path, int depth) throws DecodeException {
        int i = contentStart;
        while (true) {
            if (i + 2 > limit) {
                throw error(path, contentStart, "indefinite-length element has no end-of-contents octets");
            }
            if (in[i] == 0 && in[i + 1] == 0) {
                return i;
            }
            i = read(i, limit, path, depth + 1).end();
        }
    }

    private static void requireConstructed(Element e, Path path) throws DecodeException {
        if (!e.constructed()) {
            throw error(path, e.start(), "a constructed element was expected, found a primitive one");
        }
    }

    /** The tag of the element at {@code offset}, read before its length so errors can name it. */
    private Tag peekTag(int offset, int limit, Path path) throws DecodeException {
        int identifier = in[offset] & 0xFF;
        int number = identifier & 0x1F;
        if (number == 0x1F) {
            number = 0;
            int i = offset + 1;
            int b;
            do {
                if (i >= limit || i - offset > 4) {
                    throw error(path, offset, "tag is cut short or too long at offset " + offset);
                }
                b = in[i++] & 0xFF;
                number = (number << 7) | (b & 0x7F);
            } while ((b & 0x80) != 0);
        }
        return new Tag(identifier & 0xC0, number);
    }

    // ---- decoding by type ------------------------------------------------------------------

    private boolean matches(AsnType type, Tag tag) {
        if (type instanceof ChoiceType choice) {
            for (Component alternative : choice.alternatives()) {
                if (matches(alternative.type(), tag)) {
                    return true;
                }
            }
            return false;
        }
        if (type instanceof IllStringType) {
            return tag.equals(IllStringType.GENERAL_STRING) || tag.equals(IllStringType.VISIBLE_STRING);
        }
        if (type instanceof AnyType) {
            return true;
        }
        return type.tag().equals(tag);
    }

    /**
     * Decodes {@code e}, whose tag is known to match {@code type}. {@code scope} holds the
     * components decoded so far in the enclosing SEQUENCE, for ANY DEFINED BY.
     */
    private AsnValue decode(AsnType type, Element e, Path path, Map<String, AsnValue> scope, int depth)
            throws DecodeException {
        if (type instanceof TaggedType tagged) {
            return tagged.implicit()
                    ? decode(tagged.inner(), e, path, scope, depth)
                    : decodeExplicit(tagged, e, path, scope, depth);
        }
        if (type instanceof SequenceType sequence) {
            return decodeSequence(sequence, e, path, depth);
        }
        if (type instanceof SequenceOfType sequenceOf) {
            return decodeSequenceOf(sequenceOf, e, path, depth);
        }
        if (type instanceof ChoiceType choice) {
            return decodeChoice(choice, e, path, scope, depth);
        }
        if (type instanceof AnyType any) {
            return decodeAny(any, e, path, scope, depth);
        }
        if (type instanceof IllStringType) {
            return new AsnValue.IllString(e.number() == 26, primitive(e, path));
        }
        if (type instanceof StringType) {
            return new AsnValue.Bytes(primitive(e, path));
        }
        if (type instanceof EnumeratedType enumerated) {
            long number = integer(e, path);
            return new AsnValue.Enumerated(number, enumerated.identifiers().get(number));
        }
        if (type instanceof IntegerType) {
            return new AsnValue.Int(integer(e, path));
        }
        if (type instanceof BooleanType) {
            byte[] content = primitive(e, path);
            if (content.length != 1) {
                throw error(path, e.start(), "BOOLEAN of " + content.length + " octets; exactly 1 is allowed");
            }
            return new AsnValue.Bool(content[0] != 0);
        }
        if (type instanceof NullType) {
            if (e.length() != 0 || e.constructed()) {
                throw error(path, e.start(), "NULL with content");
            }
            return new AsnValue.Null();
        }
        if (type instanceof OidType) {
            return new AsnValue.Oid(oid(e, path));
        }
        throw new IllegalStateException("no decoder for " + type);
    }

    private AsnValue decodeExplicit(TaggedType tagged, Element e, Path path, Map<String, AsnValue> scope, int depth)
            throws DecodeException {
        if (!e.constructed()) {
            throw error(path, e.start(), "explicitly tagged " + tagged.tag() + " must be constructed");
        }
        Element inner = read(e.contentStart(), e.contentEnd(), path, depth + 1);
        if (!matches(tagged.inner(), inner.tag())) {
            throw error(path, inner.start(), "expected " + describe(tagged.inner()) + " inside " + tagged.tag()
                    + " but found tag " + inner.tag());
        }
        if (inner.end() != e.contentEnd()) {
            throw error(path, inner.end(), "unexpected bytes after the value inside " + tagged.tag());
        }
        return decode(tagged.inner(), inner, path, scope, depth + 1);
    }

    private AsnValue decodeSequence(SequenceType sequence, Element e, Path path, int depth) throws DecodeException {
        requireConstructed(e, path);
        List<Component> components = sequence.components();
        List<AsnValue.Field> fields = new ArrayList<>(components.size());
        Map<String, AsnValue> scope = new HashMap<>();
        int next = 0;
        int i = e.contentStart();
        while (i < e.contentEnd()) {
            Tag tag = peekTag(i, e.contentEnd(), path);
            int match = next;
            while (match < components.size() && !matches(components.get(match).type(), tag)) {
                match++;
            }
            if (match == components.size()) {
                throw error(path, i, "unexpected element with tag " + tag + " at offset " + i);
            }
            for (; next < match; next++) {
                absent(components.get(next), fields, path, i);
            }
            Component component = components.get(next++);
            Path at = path.child(component.name());
            Element child = read(i, e.contentEnd(), at, depth + 1);
            AsnValue value = decode(component.type(), child, at, scope, depth + 1);
            fields.add(new AsnValue.Field(component.name(), value));
            scope.put(component.name(), value);
            i = child.end();
        }
        for (; next < components.size(); next++) {
            absent(components.get(next), fields, path, e.contentEnd());
        }
        return new AsnValue.Sequence(fields);
    }

    private static void absent(Component component, List<AsnValue.Field> fields, Path path, int offset)
            throws DecodeException {
        if (component.presence() == Presence.REQUIRED) {
            throw new DecodeException(path.child(component.name()).toString(), offset,
                    "required element is missing at offset " + offset);
        }
        if (component.presence() == Presence.DEFAULT) {
            fields.add(new AsnValue.Field(component.name(), component.defaultValue()));
        }
    }

    private AsnValue decodeSequenceOf(SequenceOfType sequenceOf, Element e, Path path, int depth)
            throws DecodeException {
        requireConstructed(e, path);
        List<AsnValue> values = new ArrayList<>();
        int i = e.contentStart();
        while (i < e.contentEnd()) {
            Path at = path.index(values.size());
            Element child = read(i, e.contentEnd(), at, depth + 1);
            if (!matches(sequenceOf.element(), child.tag())) {
                throw error(at, i, "expected " + describe(sequenceOf.element()) + " but found tag " + child.tag());
            }
            values.add(decode(sequenceOf.element(), child, at, Map.of(), depth + 1));
            i = child.end();
        }
        return new AsnValue.SequenceOf(values);
    }

    private AsnValue decodeChoice(ChoiceType choice, Element e, Path path, Map<String, AsnValue> scope, int depth)
            throws DecodeException {
        for (Component alternative : choice.alternatives()) {
            if (matches(alternative.type(), e.tag())) {
                Path at = path.child(alternative.name());
                return new AsnValue.Choice(alternative.name(), decode(alternative.type(), e, at, scope, depth));
            }
        }
        throw error(path, e.start(), "no alternative of " + choice.name() + " has tag " + e.tag());
    }

    /**
     * An ANY is decoded with the type its defining component names, or as an EXTERNAL when it is
     * one; content that is unknown, or that fails to decode as its type, is kept as opaque bytes
     * so that it survives a decode and encode unchanged.
     */
    private AsnValue decodeAny(AnyType any, Element e, Path path, Map<String, AsnValue> scope, int depth) {
        AsnType known = null;
        if (any.definedBy() != null && scope.get(any.definedBy()) instanceof AsnValue.Oid oid) {
            known = registry.byOid(oid.dotted()).orElse(null);
        }
        if (known == null && e.tagClass() == Tag.UNIVERSAL && e.number() == 8 && e.constructed()) {
            known = registry.external();
        }
        if (known != null && matches(known, e.tag())) {
            int elementsBefore = elements;
            try {
                return new AsnValue.Typed(known.name(), decode(known, e, path, Map.of(), depth + 1));
            } catch (DecodeException notThatType) {
                elements = elementsBefore;
            }
        }
        return new AsnValue.Opaque(Arrays.copyOfRange(in, e.start(), e.end()));
    }

    // ---- primitives ------------------------------------------------------------------------

    private byte[] primitive(Element e, Path path) throws DecodeException {
        if (e.constructed()) {
            throw error(path, e.start(), "constructed (segmented) strings are not supported");
        }
        return Arrays.copyOfRange(in, e.contentStart(), e.contentEnd());
    }

    private long integer(Element e, Path path) throws DecodeException {
        if (e.constructed()) {
            throw error(path, e.start(), "INTEGER must be primitive");
        }
        int length = e.length();
        if (length == 0) {
            throw error(path, e.start(), "INTEGER with no content octets");
        }
        if (length > 8) {
            throw error(path, e.start(), "INTEGER of " + length + " octets is too large");
        }
        long value = in[e.contentStart()]; // sign-extended first octet
        for (int i = e.contentStart() + 1; i < e.contentEnd(); i++) {
            value = (value << 8) | (in[i] & 0xFF);
        }
        return value;
    }

    private String oid(Element e, Path path) throws DecodeException {
        if (e.constructed() || e.length() == 0) {
            throw error(path, e.start(), "OBJECT IDENTIFIER must be primitive and not empty");
        }
        StringBuilder dotted = new StringBuilder();
        long arc = 0;
        int octets = 0;
        boolean first = true;
        for (int i = e.contentStart(); i < e.contentEnd(); i++) {
            int b = in[i] & 0xFF;
            if (++octets > 9) {
                throw error(path, e.start(), "OBJECT IDENTIFIER arc too large at offset " + i);
            }
            arc = (arc << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (first) {
                    long top = Math.min(arc / 40, 2);
                    dotted.append(top).append('.').append(arc - 40 * top);
                    first = false;
                } else {
                    dotted.append('.').append(arc);
                }
                arc = 0;
                octets = 0;
            }
        }
        if (octets != 0) {
            throw error(path, e.start(), "OBJECT IDENTIFIER ends in the middle of an arc");
        }
        return dotted.toString();
    }

    private static DecodeException error(Path path, int offset, String problem) {
        return new DecodeException(path.toString(), offset, problem);
    }

    static String describe(AsnType type) {
        return type.tag() == null ? type.name() : type.name() + " " + type.tag();
    }
}
