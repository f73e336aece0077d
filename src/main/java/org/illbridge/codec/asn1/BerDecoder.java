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
 * <p>One pass over the bytes: an element of indefinite length is decoded up to its end-of-contents
 * octets, which is how its end becomes known (YAZ writes every constructed element longer than 127
 * bytes so); only an ANY kept as opaque bytes is scanned for its end.
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
    /** Where the indefinite-length element decoded last ended (after its end-of-contents octets). */
    private int lastEnd;

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
        Tag tag = decoder.tagAt(0, bytes.length);
        long span = decoder.read(0, tag, bytes.length, 0);
        if (!decoder.matches(type, tag)) {
            throw decoder.error(0, "expected " + describe(type) + " but found tag " + tag);
        }
        AsnValue value = decoder.decode(type, tag, 0, span, NO_SCOPE, 0);
        int end = decoder.endOf(span);
        if (end != bytes.length) {
            throw decoder.error(end, (bytes.length - end) + " bytes follow the end of the value");
        }
        return value;
    }

    /*
     * Where an element's content lies is packed in a long, a "span", so reading an element
     * allocates nothing: the content's start in the high 32 bits, its end in bits 0-30, and bit
     * 31 set when the length was indefinite. Then bits 0-30 hold only how far the content may go
     * (the enclosing element's end): its end is found by decoding it, and is lastEnd after that.
     * The element's own start and tag are known to whoever read it.
     */
    private static final long INDEFINITE = 1L << 31;

    private static long span(int contentStart, int contentEnd, boolean indefinite) {
        return ((long) contentStart << 32) | contentEnd | (indefinite ? INDEFINITE : 0);
    }

    private static int contentStart(long span) {
        return (int) (span >>> 32);
    }

    private static int contentEnd(long span) {
        return (int) (span & 0x7FFFFFFFL);
    }

    /** The end of a definite-length element. */
    private static int end(long span) {
        return contentEnd(span);
    }

    private static boolean indefinite(long span) {
        return (span & INDEFINITE) != 0;
    }

    /** Where an element just decoded ends: known from its length, or, when indefinite, from decoding it. */
    private int endOf(long span) {
        return indefinite(span) ? lastEnd : end(span);
    }

    /** Whether the element's content is over at {@code i}: its end reached, or (indefinite) its end-of-contents octets. */
    private boolean contentOver(long span, int i) throws DecodeException {
        int limit = contentEnd(span);
        if (!indefinite(span)) {
            return i >= limit;
        }
        if (i + 2 > limit) {
            throw error(contentStart(span), "indefinite-length element has no end-of-contents octets");
        }
        return in[i] == 0 && in[i + 1] == 0;
    }

    private static int length(long span) {
        return contentEnd(span) - contentStart(span);
    }

    private boolean constructed(int offset) {
        return (in[offset] & 0x20) != 0;
    }

    // ---- reading TLVs ----------------------------------------------------------------------

    /** Reads the header of the element at {@code offset}, whose tag has been read already; returns its span. */
    private long read(int offset, Tag tag, int limit, int depth) throws DecodeException {
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
            return span(i, limit, true);
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
        return span(i, i + (int) length, false);
    }

    /** The tag at {@code offset}, read before its length so that errors can name its element. */
    private Tag tagAt(int offset, int limit) throws DecodeException {
        if (offset >= limit) {
            throw error(offset, "element expected but no bytes are left");
        }
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
     * The offset of the end-of-contents octets closing an indefinite-length element, found by
     * reading the headers inside it: for an ANY kept as opaque bytes, which is not decoded.
     */
    private int endOfIndefinite(int contentStart, int limit, int depth) throws DecodeException {
        int i = contentStart;
        while (true) {
            if (i + 2 > limit) {
                throw error(contentStart, "indefinite-length element has no end-of-contents octets");
            }
            if (in[i] == 0 && in[i + 1] == 0) {
                return i;
            }
            long child = read(i, tagAt(i, limit), limit, depth + 1);
            i = indefinite(child) ? endOfIndefinite(contentStart(child), limit, depth + 1) + 2 : end(child);
        }
    }

    private void requireConstructed(int offset) throws DecodeException {
        if (!constructed(offset)) {
            throw error(offset, "a constructed element was expected, found a primitive one");
        }
    }

    // ---- decoding by type ------------------------------------------------------------------

    private boolean matches(AsnType type, Tag tag) {
        if (type instanceof ChoiceType choice) {
            // indexed, not for-each: no iterator for each element decoded
            List<Component> alternatives = choice.alternatives();
            for (int i = 0; i < alternatives.size(); i++) {
                if (matches(alternatives.get(i).type(), tag)) {
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
     * Decodes the element at {@code offset} (tag {@code tag}, content {@code span}), whose tag is
     * known to match {@code type}. {@code scope} holds the components decoded so far in the
     * enclosing SEQUENCE, for ANY DEFINED BY.
     */
    private AsnValue decode(AsnType type, Tag tag, int offset, long span, List<AsnValue.Field> scope, int depth)
            throws DecodeException {
        if (type instanceof TaggedType tagged) {
            return tagged.implicit()
                    ? decode(tagged.inner(), tag, offset, span, scope, depth)
                    : decodeExplicit(tagged, offset, span, scope, depth);
        }
        if (type instanceof SequenceType sequence) {
            return decodeSequence(sequence, offset, span, depth);
        }
        if (type instanceof IllStringType) {
            return AsnValue.IllString.owning(tag.number() == 26, primitive(offset, span));
        }
        if (type instanceof EnumeratedType enumerated) {
            long number = integer(offset, span);
            return new AsnValue.Enumerated(number, enumerated.identifiers().get(number));
        }
        if (type instanceof ChoiceType choice) {
            return decodeChoice(choice, tag, offset, span, scope, depth);
        }
        if (type instanceof SequenceOfType sequenceOf) {
            return decodeSequenceOf(sequenceOf, offset, span, depth);
        }
        if (type instanceof StringType) {
            return AsnValue.Bytes.owning(primitive(offset, span));
        }
        if (type instanceof BooleanType) {
            if (constructed(offset) || length(span) != 1) {
                throw error(offset, "BOOLEAN of " + length(span) + " octets; exactly 1 is allowed");
            }
            return AsnValue.Bool.of(in[contentStart(span)] != 0);
        }
        if (type instanceof IntegerType) {
            return new AsnValue.Int(integer(offset, span));
        }
        if (type instanceof AnyType any) {
            return decodeAny(any, tag, offset, span, scope, depth);
        }
        if (type instanceof NullType) {
            if (length(span) != 0 || constructed(offset)) {
                throw error(offset, "NULL with content");
            }
            return new AsnValue.Null();
        }
        if (type instanceof OidType) {
            return new AsnValue.Oid(oid(offset, span));
        }
        throw new IllegalStateException("no decoder for " + type);
    }

    private AsnValue decodeExplicit(TaggedType tagged, int offset, long span, List<AsnValue.Field> scope, int depth)
            throws DecodeException {
        if (!constructed(offset)) {
            throw error(offset, "explicitly tagged " + tagged.tag() + " must be constructed");
        }
        int innerOffset = contentStart(span);
        int limit = contentEnd(span);
        Tag innerTag = tagAt(innerOffset, limit);
        long inner = read(innerOffset, innerTag, limit, depth + 1);
        if (!matches(tagged.inner(), innerTag)) {
            throw error(innerOffset, "expected " + describe(tagged.inner()) + " inside " + tagged.tag()
                    + " but found tag " + innerTag);
        }
        AsnValue value = decode(tagged.inner(), innerTag, innerOffset, inner, scope, depth + 1);
        int after = endOf(inner);
        if (indefinite(span) ? !contentOver(span, after) : after != limit) {
            throw error(after, "unexpected bytes after the value inside " + tagged.tag());
        }
        if (indefinite(span)) {
            lastEnd = after + 2;
        }
        return value;
    }

    private AsnValue decodeSequence(SequenceType sequence, int offset, long span, int depth) throws DecodeException {
        requireConstructed(offset);
        List<Component> components = sequence.components();
        List<AsnValue.Field> fields = new ArrayList<>(components.size());
        int next = 0;
        int i = contentStart(span);
        int limit = contentEnd(span);
        while (!contentOver(span, i)) {
            Tag tag = tagAt(i, limit);
            int match = sequence.componentFor(tag, next);
            if (match == Integer.MIN_VALUE) {
                match = next;
                while (match < components.size() && !matches(components.get(match).type(), tag)) {
                    match++;
                }
            }
            if (match < 0 || match == components.size()) {
                throw error(i, "unexpected element with tag " + tag + " at offset " + i);
            }
            for (; next < match; next++) {
                absent(components.get(next), fields, i);
            }
            Component component = components.get(next++);
            path.push(component.name());
            long child = read(i, tag, limit, depth + 1);
            fields.add(new AsnValue.Field(component.name(), decode(component.type(), tag, i, child, fields, depth + 1)));
            path.pop();
            i = endOf(child);
        }
        for (; next < components.size(); next++) {
            absent(components.get(next), fields, i);
        }
        if (indefinite(span)) {
            lastEnd = i + 2;
        }
        return AsnValue.Sequence.owning(fields);
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

    private AsnValue decodeSequenceOf(SequenceOfType sequenceOf, int offset, long span, int depth)
            throws DecodeException {
        requireConstructed(offset);
        List<AsnValue> values = new ArrayList<>();
        int i = contentStart(span);
        int limit = contentEnd(span);
        while (!contentOver(span, i)) {
            path.pushIndex(values.size());
            Tag tag = tagAt(i, limit);
            long child = read(i, tag, limit, depth + 1);
            if (!matches(sequenceOf.element(), tag)) {
                throw error(i, "expected " + describe(sequenceOf.element()) + " but found tag " + tag);
            }
            values.add(decode(sequenceOf.element(), tag, i, child, NO_SCOPE, depth + 1));
            path.pop();
            i = endOf(child);
        }
        if (indefinite(span)) {
            lastEnd = i + 2;
        }
        return AsnValue.SequenceOf.owning(values);
    }

    private AsnValue decodeChoice(ChoiceType choice, Tag tag, int offset, long span, List<AsnValue.Field> scope,
                                  int depth) throws DecodeException {
        List<Component> alternatives = choice.alternatives();
        for (int i = 0; i < alternatives.size(); i++) {
            Component alternative = alternatives.get(i);
            if (matches(alternative.type(), tag)) {
                path.push(alternative.name());
                AsnValue value = decode(alternative.type(), tag, offset, span, scope, depth);
                path.pop();
                return new AsnValue.Choice(alternative.name(), value);
            }
        }
        throw error(offset, "no alternative of " + choice.name() + " has tag " + tag);
    }

    /**
     * An ANY is decoded with the type its defining component names, or as an EXTERNAL when it is
     * one; content that is unknown, or that fails to decode as its type, is kept as opaque bytes
     * so that it survives a decode and encode unchanged.
     */
    private AsnValue decodeAny(AnyType any, Tag tag, int offset, long span, List<AsnValue.Field> scope, int depth)
            throws DecodeException {
        AsnType known = null;
        if (any.definedBy() != null && valueOf(scope, any.definedBy()) instanceof AsnValue.Oid oid) {
            known = registry.byOid(oid.dotted()).orElse(null);
        }
        if (known == null && tag.equals(Tag.EXTERNAL) && constructed(offset)) {
            known = registry.external();
        }
        if (known != null && matches(known, tag)) {
            int elementsBefore = elements;
            int depthBefore = path.depth();
            try {
                return new AsnValue.Typed(known.name(), decode(known, tag, offset, span, NO_SCOPE, depth + 1));
            } catch (DecodeException notThatType) {
                elements = elementsBefore;
                path.truncate(depthBefore);
            }
        }
        int end = end(span);
        if (indefinite(span)) {
            end = endOfIndefinite(contentStart(span), contentEnd(span), depth) + 2;
            lastEnd = end;
        }
        return AsnValue.Opaque.owning(Arrays.copyOfRange(in, offset, end));
    }

    private static AsnValue valueOf(List<AsnValue.Field> scope, String name) {
        for (int i = 0; i < scope.size(); i++) {
            AsnValue.Field field = scope.get(i);
            if (field.name().equals(name)) {
                return field.value();
            }
        }
        return null;
    }

    // ---- primitives ------------------------------------------------------------------------

    private byte[] primitive(int offset, long span) throws DecodeException {
        if (constructed(offset)) {
            throw error(offset, "constructed (segmented) strings are not supported");
        }
        return Arrays.copyOfRange(in, contentStart(span), contentEnd(span));
    }

    private long integer(int offset, long span) throws DecodeException {
        if (constructed(offset)) {
            throw error(offset, "INTEGER must be primitive");
        }
        int length = length(span);
        if (length == 0) {
            throw error(offset, "INTEGER with no content octets");
        }
        if (length > 8) {
            throw error(offset, "INTEGER of " + length + " octets is too large");
        }
        long value = in[contentStart(span)]; // sign-extended first octet
        for (int i = contentStart(span) + 1; i < contentEnd(span); i++) {
            value = (value << 8) | (in[i] & 0xFF);
        }
        return value;
    }

    private String oid(int offset, long span) throws DecodeException {
        if (constructed(offset) || length(span) == 0) {
            throw error(offset, "OBJECT IDENTIFIER must be primitive and not empty");
        }
        StringBuilder dotted = new StringBuilder();
        long arc = 0;
        int octets = 0;
        boolean first = true;
        for (int i = contentStart(span); i < contentEnd(span); i++) {
            int b = in[i] & 0xFF;
            if (++octets > 9) {
                throw error(offset, "OBJECT IDENTIFIER arc too large at offset " + i);
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
            throw error(offset, "OBJECT IDENTIFIER ends in the middle of an arc");
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
