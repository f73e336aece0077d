package org.illbridge.codec.asn1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ASN.1 type as data: the schema a {@link BerDecoder} reads and a {@link BerEncoder} writes
 * by. Each ASN.1 type of a module becomes one constant built from these (see
 * {@code org.illbridge.codec.ill.IllTypes}), so the codec has one routine per kind of type and the
 * module's types are declarations, mechanically like the ASN.1 text.
 */
public sealed interface AsnType {

    /** The ASN.1 name, used in error paths and the JSON view of an ANY. */
    String name();

    /** The tag this type is encoded with, or null for an untagged CHOICE or ANY (their alternatives' tags). */
    Tag tag();

    /** Whether its encoding is constructed. */
    boolean constructed();

    /**
     * SEQUENCE { components }. Knows which component each tag belongs to, so that a decoder finds
     * the component of an element in one step (the module's tags within a SEQUENCE are distinct).
     */
    final class SequenceType implements AsnType {
        private static final int KEYS = 4 * 64;

        private final String name;
        private final List<Component> components;
        private final int[] componentByTag = new int[KEYS];
        private final Map<String, Integer> componentByName = new HashMap<>();
        /** True when some component may start with a tag the table cannot hold (an untagged ANY, a large tag number). */
        private final boolean needsScan;

        public SequenceType(String name, List<Component> components) {
            this.name = Objects.requireNonNull(name, "name");
            this.components = List.copyOf(components);
            Arrays.fill(componentByTag, -1);
            boolean scan = false;
            for (int i = 0; i < this.components.size(); i++) {
                Component component = this.components.get(i);
                componentByName.put(component.name(), i);
                List<Tag> first = new ArrayList<>();
                if (!FirstTags.collect(component.type(), first)) {
                    scan = true;
                }
                for (Tag tag : first) {
                    int key = key(tag);
                    if (key < 0) {
                        scan = true;
                    } else if (componentByTag[key] < 0) {
                        componentByTag[key] = i;
                    }
                }
            }
            this.needsScan = scan;
        }

        public static SequenceType of(String name, Component... components) {
            return new SequenceType(name, List.of(components));
        }

        @Override
        public String name() {
            return name;
        }

        public List<Component> components() {
            return components;
        }

        @Override
        public Tag tag() {
            return Tag.universal(16);
        }

        @Override
        public boolean constructed() {
            return true;
        }

        public Component component(String componentName) {
            Integer index = componentByName.get(componentName);
            return index == null ? null : components.get(index);
        }

        /** The index of the component named {@code componentName}, or -1. */
        public int indexOf(String componentName) {
            Integer index = componentByName.get(componentName);
            return index == null ? -1 : index;
        }

        /**
         * The index of the component an element with {@code tag} can be, looking no earlier than
         * {@code from}; -1 when none; {@link Integer#MIN_VALUE} when only a scan can tell.
         */
        int componentFor(Tag tag, int from) {
            int key = key(tag);
            if (needsScan || key < 0) {
                return Integer.MIN_VALUE;
            }
            int index = componentByTag[key];
            return index >= from ? index : -1;
        }

        private static int key(Tag tag) {
            return tag.number() < 64 ? ((tag.tagClass() >> 6) << 6) | tag.number() : -1;
        }

        @Override
        public String toString() {
            return "SequenceType[" + name + "]";
        }
    }

    /** SEQUENCE OF element. */
    record SequenceOfType(String name, AsnType element) implements AsnType {
        @Override
        public Tag tag() {
            return Tag.universal(16);
        }

        @Override
        public boolean constructed() {
            return true;
        }
    }

    /** CHOICE { alternatives }, untagged: its encoding is the chosen alternative's. */
    record ChoiceType(String name, List<Component> alternatives) implements AsnType {
        public ChoiceType {
            alternatives = List.copyOf(alternatives);
        }

        public static ChoiceType of(String name, Component... alternatives) {
            return new ChoiceType(name, List.of(alternatives));
        }

        @Override
        public Tag tag() {
            return null;
        }

        @Override
        public boolean constructed() {
            return false;
        }

        public Component alternative(String alternativeName) {
            for (Component alternative : alternatives) {
                if (alternative.name().equals(alternativeName)) {
                    return alternative;
                }
            }
            return null;
        }
    }

    /** [tag] inner, explicit (a wrapper around the inner encoding) or IMPLICIT (the inner tag replaced). */
    record TaggedType(Tag tag, boolean implicit, AsnType inner) implements AsnType {
        public TaggedType {
            Objects.requireNonNull(tag, "tag");
            if (implicit && inner.tag() == null) {
                throw new IllegalArgumentException("an untagged CHOICE or ANY cannot be tagged IMPLICIT: " + inner.name());
            }
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public boolean constructed() {
            return !implicit || inner.constructed();
        }
    }

    /** ENUMERATED { identifier(number), ... }. */
    record EnumeratedType(String name, Map<Long, String> identifiers) implements AsnType {
        public EnumeratedType {
            identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
        }

        /** Pairs of identifier and number, as written in the module. */
        public static EnumeratedType of(String name, Object... identifiersAndNumbers) {
            Map<Long, String> map = new LinkedHashMap<>();
            for (int i = 0; i < identifiersAndNumbers.length; i += 2) {
                map.put(((Number) identifiersAndNumbers[i + 1]).longValue(), (String) identifiersAndNumbers[i]);
            }
            return new EnumeratedType(name, map);
        }

        @Override
        public Tag tag() {
            return Tag.universal(10);
        }

        @Override
        public boolean constructed() {
            return false;
        }

        public Long numberOf(String identifier) {
            for (Map.Entry<Long, String> entry : identifiers.entrySet()) {
                if (entry.getValue().equals(identifier)) {
                    return entry.getKey();
                }
            }
            return null;
        }

        public AsnValue.Enumerated value(String identifier) {
            Long number = numberOf(identifier);
            if (number == null) {
                throw new IllegalArgumentException(name + " has no value " + identifier);
            }
            return new AsnValue.Enumerated(number, identifier);
        }
    }

    record IntegerType(String name) implements AsnType {
        @Override
        public Tag tag() {
            return Tag.universal(2);
        }

        @Override
        public boolean constructed() {
            return false;
        }
    }

    record BooleanType(String name) implements AsnType {
        @Override
        public Tag tag() {
            return Tag.universal(1);
        }

        @Override
        public boolean constructed() {
            return false;
        }
    }

    record NullType(String name) implements AsnType {
        @Override
        public Tag tag() {
            return Tag.universal(5);
        }

        @Override
        public boolean constructed() {
            return false;
        }
    }

    record OidType(String name) implements AsnType {
        @Override
        public Tag tag() {
            return Tag.universal(6);
        }

        @Override
        public boolean constructed() {
            return false;
        }
    }

    /** A primitive string type held as bytes: VisibleString, PrintableString, OCTET STRING, … */
    record StringType(String name, int universalNumber) implements AsnType {
        @Override
        public Tag tag() {
            return Tag.universal(universalNumber);
        }

        @Override
        public boolean constructed() {
            return false;
        }
    }

    /**
     * ILL-String ::= CHOICE { GeneralString, EDIFACTString }: a CHOICE of two string types, held
     * as one {@link AsnValue.IllString} that remembers which was sent.
     */
    record IllStringType(String name) implements AsnType {
        public static final Tag GENERAL_STRING = Tag.universal(27);
        public static final Tag VISIBLE_STRING = Tag.universal(26);

        @Override
        public Tag tag() {
            return null;
        }

        @Override
        public boolean constructed() {
            return false;
        }
    }

    /**
     * ANY, or ANY DEFINED BY a sibling component: decoded with the type that sibling's value names
     * (see {@link TypeRegistry}) when it is known, else kept as opaque bytes.
     */
    record AnyType(String name, String definedBy) implements AsnType {
        @Override
        public Tag tag() {
            return null;
        }

        @Override
        public boolean constructed() {
            return false;
        }
    }

    /** A named component of a SEQUENCE, or an alternative of a CHOICE. */
    record Component(String name, AsnType type, Presence presence, AsnValue defaultValue) {
        public Component {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type of " + name);
        }

        public boolean required() {
            return presence == Presence.REQUIRED;
        }
    }

    enum Presence { REQUIRED, OPTIONAL, DEFAULT }
}
