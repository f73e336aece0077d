package org.illbridge.codec.asn1;

import java.util.ArrayList;
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

    private static final List<AsnValue.Field> NO_SCOPE = List.of();

    private final byte[] in;
    private final TypeRegistry registry;
    private final Limits limits;
    private final Path path;
    private int elements;
    /** Pairs of (content start, end-of-contents offset) of the indefinite elements scanned so far. */
    private int[] indefiniteEnds = new int[16];
    private int knownIndefinite;

    private BerDecoder(byte[] in, TypeRegistry registry, Limits limits, String root) {
        this.in = in;
        this.registry = registry;
        this.limits = limits;
        this.path = new Path(root);
    }

    /** Decodes {@code bytes}, which must hold exactly one value of {@code type} and nothing after it. */
    public static AsnValue decode(byte[] bytes, AsnType type, TypeRegistry registry, Limits limits)
            throws DecodeException {
        BerDecoder decoder = new BerDecoder(bytes, registry, limits, type.name());
        if (bytes.length == 0) {
            throw decoder.error(0, "no bytes to decode");
        }
        Element element = decoder.read(0, bytes.length, 0);
        if (!decoder.matches(type, element.tag())) {
            throw decoder.error(0, "expected " + describe(type) + " but found tag " + element.tag());
        }
        AsnValue value = decoder.decode(type, element, NO_SCOPE, 0);
        if (element.end() != bytes.length) {
            throw decoder.error(element.end(), (bytes.length - element.end()) + " bytes follow the end of the value");
        }
        return value;
    }

    /** A TLV found in the input: where its header, content and end are. */
    private record Element(Tag tag, boolean constructed, int start, int contentStart, int contentEnd, int end) {
        int length() {
            return contentEnd - contentStart;
        }
    }

    // ---- reading TLVs ----------------------------------------------------------------------

    private Element read(int offset, int limit, int depth) throws DecodeException {
        if (offset >= limit) {
            throw error(offset, "element expected but no bytes are left");
        }
        return read(offset, tagAt(offset, limit), limit, depth);
    }

    /** Reads the element at {@code offset}, whose tag has been read already. */
    private Element read(int offset, Tag tag, int limit, int depth) throws DecodeException {
        if (++elements > limits.maxElements()) {
            throw error(offset, "more than " + limits.maxElements() + " elements");
        }
        if (depth > limits.maxDepth()) {
            throw error(offset, "elements nested deeper than " + limits.maxDepth());
        }
        boolean constructed = (in[offset] & 0x20) != 0;
        int i = offset + tagLength(offset);
        if (i >= limit) {
            throw error(offset, "length is missing at offset " + i);
        }
        int first = in[i++] & 0xFF;
        if (first == 0x80) {
            if (!constructed) {
                throw error(offset, "primitive element with an indefinite length at offset " + offset);
            }
            int contentEnd = endOfIndefinite(i, limit, depth);
            return new Element(tag, true, offset, i, contentEnd, contentEnd + 2);
        }
        long length = first;
        if (first > 0x80) {
            int octets = first & 0x7F;
            if (octets > 4) {
                throw error(offset, "length of " + octets + " octets at offset " + offset + " is not supported");
            }
            if (i + octets > limit) {
                throw error(offset, "length is cut short at offset " + i);
            }
            length = 0;
            for (int k = 0; k < octets; k++) {
                length = (length << 8) | (in[i++] & 0xFF);
            }
        }
        long left = limit - i;
        if (length > left) {
            throw error(offset, "length " + length + " exceeds the " + left + " bytes left at offset " + offset);
        }
        return new Element(tag, constructed, offset, i, i + (int) length, i + (int) length);
    }

    /** The tag at {@code offset}, read before its length so that errors can name its element. */
    private Tag tagAt(int offset, int limit) throws DecodeException {
        int identifier = in[offset] & 0xFF;
        int number = identifier & 0x1F;
        if (number == 0x1F) {
            number = 0;
            int i = offset + 1;
            int b;
            do {
                if (i >= limit || i - offset > 4) {
                    throw error(offset, "tag is cut short or too long at offset " + offset);
                }
                b = in[i++] & 0xFF;
                number = (number << 7) | (b & 0x7F);
            } while ((b & 0x80) != 0);
        }
        return Tag.of(identifier & 0xC0, number);
    }

    private int tagLength(int offset) {
        if ((in[offset] & 0x1F) != 0x1F) {
            return 1;
        }
        int i = offset + 1;
        while ((in[i] & 0x80) != 0) {
            i++;
        }
        return i - offset + 1;
    }

    /**
     * The offset of the end-of-contents octets closing an indefinite-length element. Found by
     * reading the headers inside it; remembered, so nested indefinite elements (YAZ writes every
     * long element so) are scanned once, not once per level.
     */
    private int endOfIndefinite(int contentStart, int limit, int depth) throws DecodeException {
        for (int k = 0; k < knownIndefinite; k += 2) {
            if (indefiniteEnds[k] == contentStart) {
                return indefiniteEnds[k + 1];
            }
        }
        int i = contentStart;
        while (true) {
            if (i + 2 > limit) {
                throw error(contentStart, "indefinite-length element has no end-of-contents octets");
            }
            if (in[i] == 0 && in[i + 1] == 0) {
                remember(contentStart, i);
                return i;
            }
            i = read(i, limit, depth + 1).end();
        }
    }

    private void remember(int contentStart, int endOfContents) {
        if (knownIndefinite == indefiniteEnds.length) {
            indefiniteEnds = Arrays.copyOf(indefiniteEnds, knownIndefinite * 2);
        }
        indefiniteEnds[knownIndefinite++] = contentStart;
        indefiniteEnds[knownIndefinite++] = endOfContents;
    }

    private void requireConstructed(Element e) throws DecodeException {
        if (!e.constructed()) {
            throw error(e.start(), "a constructed element was expected, found a primitive one");
        }
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
            return tag == IllStringType.GENERAL_STRING || tag == IllStringType.VISIBLE_STRING;
        }
        if (type instanceof AnyType) {
            return true;
        }
        Tag own = type.tag();
        return own == tag || own.equals(tag); // small tags are shared instances: usually the first test decides
    }

    /**
     * Decodes {@code e}, whose tag is known to match {@code type}. {@code scope} holds the
     * components decoded so far in the enclosing SEQUENCE, for ANY DEFINED BY.
     */
    private AsnValue decode(AsnType type, Element e, List<AsnValue.Field> scope, int depth) throws DecodeException {
        if (type instanceof TaggedType tagged) {
            return tagged.implicit()
                    ? decode(tagged.inner(), e, scope, depth)
                    : decodeExplicit(tagged, e, scope, depth);
        }
        if (type instanceof SequenceType sequence) {
            return decodeSequence(sequence, e, depth);
        }
        if (type instanceof IllStringType) {
            return AsnValue.IllString.owning(e.tag().number() == 26, primitive(e));
        }
        if (type instanceof EnumeratedType enumerated) {
            long number = integer(e);
            return new AsnValue.Enumerated(number, enumerated.identifiers().get(number));
        }
        if (type instanceof ChoiceType choice) {
            return decodeChoice(choice, e, scope, depth);
        }
        if (type instanceof SequenceOfType sequenceOf) {
            return decodeSequenceOf(sequenceOf, e, depth);
        }
        if (type instanceof StringType) {
            return AsnValue.Bytes.owning(primitive(e));
        }
        if (type instanceof BooleanType) {
            if (e.constructed() || e.length() != 1) {
                throw error(e.start(), "BOOLEAN of " + e.length() + " octets; exactly 1 is allowed");
            }
            return new AsnValue.Bool(in[e.contentStart()] != 0);
        }
        if (type instanceof IntegerType) {
            return new AsnValue.Int(integer(e));
        }
        if (type instanceof AnyType any) {
            return decodeAny(any, e, scope, depth);
        }
        if (type instanceof NullType) {
            if (e.length() != 0 || e.constructed()) {
                throw error(e.start(), "NULL with content");
            }
            return new AsnValue.Null();
        }
        if (type instanceof OidType) {
            return new AsnValue.Oid(oid(e));
        }
        throw new IllegalStateException("no decoder for " + type);
    }

    private AsnValue decodeExplicit(TaggedType tagged, Element e, List<AsnValue.Field> scope, int depth)
            throws DecodeException {
        if (!e.constructed()) {
            throw error(e.start(), "explicitly tagged " + tagged.tag() + " must be constructed");
        }
        Element inner = read(e.contentStart(), e.contentEnd(), depth + 1);
        if (!matches(tagged.inner(), inner.tag())) {
            throw error(inner.start(), "expected " + describe(tagged.inner()) + " inside " + tagged.tag()
                    + " but found tag " + inner.tag());
        }
        if (inner.end() != e.contentEnd()) {
            throw error(inner.end(), "unexpected bytes after the value inside " + tagged.tag());
        }
        return decode(tagged.inner(), inner, scope, depth + 1);
    }

    private AsnValue decodeSequence(SequenceType sequence, Element e, int depth) throws DecodeException {
        requireConstructed(e);
        List<Component> components = sequence.components();
        List<AsnValue.Field> fields = new ArrayList<>(components.size());
        int next = 0;
        int i = e.contentStart();
        while (i < e.contentEnd()) {
            Tag tag = tagAt(i, e.contentEnd());
            int match = next;
            while (match < components.size() && !matches(components.get(match).type(), tag)) {
                match++;
            }
            if (match == components.size()) {
                throw error(i, "unexpected element with tag " + tag + " at offset " + i);
            }
            for (; next < match; next++) {
                absent(components.get(next), fields, i);
            }
            Component component = components.get(next++);
            path.push(component.name());
            Element child = read(i, tag, e.contentEnd(), depth + 1);
            fields.add(new AsnValue.Field(component.name(), decode(component.type(), child, fields, depth + 1)));
            path.pop();
            i = child.end();
        }
        for (; next < components.size(); next++) {
            absent(components.get(next), fields, e.contentEnd());
        }
        return new AsnValue.Sequence(fields);
    }

    private void absent(Component component, List<AsnValue.Field> fields, int offset) throws DecodeException {
        if (component.presence() == Presence.REQUIRED) {
            path.push(component.name());
            throw error(offset, "required element is missing at offset " + offset);
        }
        if (component.presence() == Presence.DEFAULT) {
            fields.add(new AsnValue.Field(component.name(), component.defaultValue()));
        }
    }

    private AsnValue decodeSequenceOf(SequenceOfType sequenceOf, Element e, int depth) throws DecodeException {
        requireConstructed(e);
        List<AsnValue> values = new ArrayList<>();
        int i = e.contentStart();
        while (i < e.contentEnd()) {
            path.pushIndex(values.size());
            Element child = read(i, e.contentEnd(), depth + 1);
            if (!matches(sequenceOf.element(), child.tag())) {
                throw error(i, "expected " + describe(sequenceOf.element()) + " but found tag " + child.tag());
            }
            values.add(decode(sequenceOf.element(), child, NO_SCOPE, depth + 1));
            path.pop();
            i = child.end();
        }
        return new AsnValue.SequenceOf(values);
    }

    private AsnValue decodeChoice(ChoiceType choice, Element e, List<AsnValue.Field> scope, int depth)
            throws DecodeException {
        for (Component alternative : choice.alternatives()) {
            if (matches(alternative.type(), e.tag())) {
                path.push(alternative.name());
                AsnValue value = decode(alternative.type(), e, scope, depth);
                path.pop();
                return new AsnValue.Choice(alternative.name(), value);
            }
        }
        throw error(e.start(), "no alternative of " + choice.name() + " has tag " + e.tag());
    }

    /**
     * An ANY is decoded with the type its defining component names, or as an EXTERNAL when it is
     * one; content that is unknown, or that fails to decode as its type, is kept as opaque bytes
     * so that it survives a decode and encode unchanged.
     */
    private AsnValue decodeAny(AnyType any, Element e, List<AsnValue.Field> scope, int depth) {
        AsnType known = null;
        if (any.definedBy() != null && valueOf(scope, any.definedBy()) instanceof AsnValue.Oid oid) {
            known = registry.byOid(oid.dotted()).orElse(null);
        }
        if (known == null && e.tag().equals(Tag.EXTERNAL) && e.constructed()) {
            known = registry.external();
        }
        if (known != null && matches(known, e.tag())) {
            int elementsBefore = elements;
            int depthBefore = path.depth();
            try {
                return new AsnValue.Typed(known.name(), decode(known, e, NO_SCOPE, depth + 1));
            } catch (DecodeException notThatType) {
                elements = elementsBefore;
                path.truncate(depthBefore);
            }
        }
        return AsnValue.Opaque.owning(Arrays.copyOfRange(in, e.start(), e.end()));
    }

    private static AsnValue valueOf(List<AsnValue.Field> scope, String name) {
        for (AsnValue.Field field : scope) {
            if (field.name().equals(name)) {
                return field.value();
            }
        }
        return null;
    }

    // ---- primitives ------------------------------------------------------------------------

    private byte[] primitive(Element e) throws DecodeException {
        if (e.constructed()) {
            throw error(e.start(), "constructed (segmented) strings are not supported");
        }
        return Arrays.copyOfRange(in, e.contentStart(), e.contentEnd());
    }

    private long integer(Element e) throws DecodeException {
        if (e.constructed()) {
            throw error(e.start(), "INTEGER must be primitive");
        }
        int length = e.length();
        if (length == 0) {
            throw error(e.start(), "INTEGER with no content octets");
        }
        if (length > 8) {
            throw error(e.start(), "INTEGER of " + length + " octets is too large");
        }
        long value = in[e.contentStart()]; // sign-extended first octet
        for (int i = e.contentStart() + 1; i < e.contentEnd(); i++) {
            value = (value << 8) | (in[i] & 0xFF);
        }
        return value;
    }

    private String oid(Element e) throws DecodeException {
        if (e.constructed() || e.length() == 0) {
            throw error(e.start(), "OBJECT IDENTIFIER must be primitive and not empty");
        }
        StringBuilder dotted = new StringBuilder();
        long arc = 0;
        int octets = 0;
        boolean first = true;
        for (int i = e.contentStart(); i < e.contentEnd(); i++) {
            int b = in[i] & 0xFF;
            if (++octets > 9) {
                throw error(e.start(), "OBJECT IDENTIFIER arc too large at offset " + i);
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
            throw error(e.start(), "OBJECT IDENTIFIER ends in the middle of an arc");
        }
        return dotted.toString();
    }

    private DecodeException error(int offset, String problem) {
        return new DecodeException(path.toString(), offset, problem);
    }

    static String describe(AsnType type) {
        return type.tag() == null ? type.name() : type.name() + " " + type.tag();
    }
}
