package org.illbridge.codec.asn1;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The types an ANY can be decoded as: by object identifier (an EXTERNAL's direct-reference), and
 * by name (to encode a {@link AsnValue.Typed} value and read it from JSON).
 */
public final class TypeRegistry {

    private final Map<String, AsnType> byOid;
    private final Map<String, AsnType> byName;
    private final AsnType external;

    private TypeRegistry(Map<String, AsnType> byOid, Map<String, AsnType> byName, AsnType external) {
        this.byOid = Map.copyOf(byOid);
        this.byName = Map.copyOf(byName);
        this.external = external;
    }

    public static Builder builder(AsnType external) {
        return new Builder(external);
    }

    public Optional<AsnType> byOid(String oid) {
        return Optional.ofNullable(byOid.get(oid));
    }

    public Optional<AsnType> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The EXTERNAL type: an ANY holding an EXTERNAL is decoded as one. */
    public AsnType external() {
        return external;
    }

    public Map<String, AsnType> oids() {
        return byOid;
    }

    public static final class Builder {
        private final Map<String, AsnType> byOid = new LinkedHashMap<>();
        private final Map<String, AsnType> byName = new LinkedHashMap<>();
        private final AsnType external;

        private Builder(AsnType external) {
            this.external = external;
            byName.put(external.name(), external);
        }

        public Builder register(String oid, AsnType type) {
            byOid.put(oid, type);
            byName.put(type.name(), type);
            return this;
        }

        public TypeRegistry build() {
            return new TypeRegistry(byOid, byName, external);
        }
    }
}
