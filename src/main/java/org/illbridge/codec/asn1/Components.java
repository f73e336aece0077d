package org.illbridge.codec.asn1;

import org.illbridge.codec.asn1.AsnType.Component;
import org.illbridge.codec.asn1.AsnType.Presence;
import org.illbridge.codec.asn1.AsnType.TaggedType;

/**
 * Shorthand for writing ASN.1 modules as Java, close to the ASN.1 text:
 * {@code implicit(3, "requester-id", SYSTEM_ID).optional()} for
 * {@code requester-id [3] IMPLICIT System-Id OPTIONAL}.
 */
public final class Components {

    private Components() {
    }

    /** {@code name [n] IMPLICIT type}. */
    public static Builder implicit(int contextTag, String name, AsnType type) {
        return new Builder(name, new TaggedType(Tag.context(contextTag), true, type));
    }

    /** {@code name [n] type} in an EXPLICIT TAGS module. */
    public static Builder explicit(int contextTag, String name, AsnType type) {
        return new Builder(name, new TaggedType(Tag.context(contextTag), false, type));
    }

    /** {@code name type}, untagged. */
    public static Builder untagged(String name, AsnType type) {
        return new Builder(name, type);
    }

    /** A component: required unless {@link #optional()} or {@link #withDefault} is called. */
    public static final class Builder {
        private final String name;
        private final AsnType type;

        private Builder(String name, AsnType type) {
            this.name = name;
            this.type = type;
        }

        public Component required() {
            return new Component(name, type, Presence.REQUIRED, null);
        }

        public Component optional() {
            return new Component(name, type, Presence.OPTIONAL, null);
        }

        public Component withDefault(AsnValue value) {
            return new Component(name, type, Presence.DEFAULT, value);
        }
    }
}
