package org.illbridge.codec.asn1;

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

    /** SEQUENCE { components }. */
    record SequenceType(String name, List<Component> components) implements AsnType {
        public SequenceType {
            components = List.copyOf(components);
        }

        public static SequenceType of(String name, Component... components) {
            return new SequenceType(name, List.of(components));
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
            for (Component component : components) {
                if (component.name().equals(componentName)) {
                    return component;
                }
            }
            return null;
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
            identifiers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
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
