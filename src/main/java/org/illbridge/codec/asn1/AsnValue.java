package org.illbridge.codec.asn1;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable decoded ASN.1 value. Which ASN.1 type it belongs to is known from the schema
 * ({@link AsnType}) it was decoded with; the value itself only holds what the bytes said.
 */
public sealed interface AsnValue {

    /** A SEQUENCE or SET: its components present, in schema order. */
    final class Sequence implements AsnValue {
        private final List<Field> fields;

        public Sequence(List<Field> fields) {
            this.fields = List.copyOf(fields);
        }

        /** The list is this sequence's alone: no one else holds it, and it is never changed. */
        private Sequence(List<Field> fields, boolean owned) {
            this.fields = fields;
        }

        /** Takes ownership of a list no one else holds: for the decoder, saving a copy. */
        static Sequence owning(List<Field> fields) {
            return new Sequence(fields, true);
        }

        public static Sequence of(Field... fields) {
            return new Sequence(List.of(fields));
        }

        /** A read-only view, made when asked for: most fields are reached by {@link #get}, not this. */
        public List<Field> fields() {
            return Collections.unmodifiableList(fields);
        }

        public Optional<AsnValue> get(String name) {
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                if (field.name().equals(name)) {
                    return Optional.of(field.value());
                }
            }
            return Optional.empty();
        }

        /** A copy with {@code name} set to {@code value} (added at the end when absent). */
        public Sequence with(String name, AsnValue value) {
            List<Field> copy = new ArrayList<>(fields);
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).name().equals(name)) {
                    copy.set(i, new Field(name, value));
                    return new Sequence(copy, true);
                }
            }
            copy.add(new Field(name, value));
            return new Sequence(copy, true);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sequence that && fields.equals(that.fields);
        }

        @Override
        public int hashCode() {
            return fields.hashCode();
        }

        @Override
        public String toString() {
            return "Sequence" + fields;
        }
    }

    /** One present component of a {@link Sequence}. */
    record Field(String name, AsnValue value) {
        public Field {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                // the message only when it is needed: a field is made for every component decoded
                throw new NullPointerException("value of " + name);
            }
        }
    }

    /** A SEQUENCE OF. */
    final class SequenceOf implements AsnValue {
        private final List<AsnValue> elements;

        public SequenceOf(List<AsnValue> elements) {
            this.elements = List.copyOf(elements);
        }

        private SequenceOf(List<AsnValue> elements, boolean owned) {
            this.elements = elements;
        }

        static SequenceOf owning(List<AsnValue> elements) {
            return new SequenceOf(elements, true);
        }

        public List<AsnValue> elements() {
            return Collections.unmodifiableList(elements);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SequenceOf that && elements.equals(that.elements);
        }

        @Override
        public int hashCode() {
            return elements.hashCode();
        }

        @Override
        public String toString() {
            return "SequenceOf" + elements;
        }
    }

    /** A CHOICE: the alternative chosen and its value. */
    record Choice(String alternative, AsnValue value) implements AsnValue {
        public Choice {
            Objects.requireNonNull(alternative, "alternative");
            Objects.requireNonNull(value, "value");
        }
    }

    /** An ENUMERATED value; {@code identifier} is null for a number the schema does not name. */
    record Enumerated(long number, String identifier) implements AsnValue {
    }

    record Int(long value) implements AsnValue {
    }

    record Bool(boolean value) implements AsnValue {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);

        public static Bool of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    record Null() implements AsnValue {
    }

    /** An OBJECT IDENTIFIER in dotted form, e.g. {@code 1.0.10161.13.3}. */
    record Oid(String dotted) implements AsnValue {
        public Oid {
            Objects.requireNonNull(dotted, "dotted");
        }
    }

    /**
     * A character string of a fixed ASN.1 type (VisibleString, PrintableString, ObjectDescriptor),
     * or the content of an OCTET STRING or BIT STRING: the bytes exactly as received.
     */
    final class Bytes implements AsnValue {
        private final byte[] bytes;

        public Bytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        /** Takes ownership of {@code bytes}: for the codec, which never shares the array. */
        private Bytes(byte[] bytes, boolean owned) {
            this.bytes = bytes;
        }

        static Bytes owning(byte[] bytes) {
            return new Bytes(bytes, true);
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        byte[] unsafeBytes() {
            return bytes;
        }

        /** The bytes as Latin-1 text, one char per byte, so nothing is lost. */
        public String latin1() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        public static Bytes ofLatin1(String text) {
            return new Bytes(text.getBytes(StandardCharsets.ISO_8859_1), true);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /**
     * An ILL-String: the alternative it was sent as (GeneralString or EDIFACTString) and its bytes,
     * kept exactly; the text is read with the peer's charset ({@link #text}).
     */
    final class IllString implements AsnValue {
        private final boolean edifact;
        private final byte[] bytes;

        public IllString(boolean edifact, byte[] bytes) {
            this(edifact, bytes.clone(), true);
        }

        private IllString(boolean edifact, byte[] bytes, boolean owned) {
            this.edifact = edifact;
            this.bytes = bytes;
        }

        static IllString owning(boolean edifact, byte[] bytes) {
            return new IllString(edifact, bytes, true);
        }

        public static IllString general(String text, Charset charset) {
            return new IllString(false, text.getBytes(charset), true);
        }

        public boolean edifact() {
            return edifact;
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        byte[] unsafeBytes() {
            return bytes;
        }

        /** The text in {@code charset}, or empty when the bytes are not valid in it. */
        public Optional<String> text(Charset charset) {
            return Text.decode(bytes, charset);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IllString that && edifact == that.edifact && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * Boolean.hashCode(edifact) + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return (edifact ? "EDIFACTString[" : "GeneralString[") + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /** The value of an ANY whose type is known (an EXTERNAL, a registered extension type). */
    record Typed(String typeName, AsnValue value) implements AsnValue {
        public Typed {
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The complete TLV of an ANY whose type is not known, kept and written back unchanged. */
    final class Opaque implements AsnValue {
        private final byte[] tlv;

        public Opaque(byte[] tlv) {
            this.tlv = tlv.clone();
        }

        private Opaque(byte[] tlv, boolean owned) {
            this.tlv = tlv;
        }

        static Opaque owning(byte[] tlv) {
            return new Opaque(tlv, true);
        }

        public byte[] tlv() {
            return tlv.clone();
        }

        byte[] unsafeTlv() {
            return tlv;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Opaque that && Arrays.equals(tlv, that.tlv);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(tlv);
        }

        @Override
        public String toString() {
            return "Opaque[" + HexFormat.of().formatHex(tlv) + "]";
        }
    }
}
