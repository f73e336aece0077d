package org.illbridge.codec.ill;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;
import org.illbridge.codec.asn1.AsnValue;

/**
 * One ISO ILL APDU: its type and its components (the SEQUENCE inside [APPLICATION n]).
 * Immutable. Read components by ASN.1 name: {@code apdu.text(charset, "item-id", "title")}.
 */
public record Apdu(ApduType type, AsnValue.Sequence body) {

    public Apdu {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }

    /** The value at a path of component (or CHOICE alternative) names, if present. */
    public Optional<AsnValue> at(String... path) {
        AsnValue current = body;
        for (String name : path) {
            if (current instanceof AsnValue.Sequence sequence) {
                current = sequence.get(name).orElse(null);
            } else if (current instanceof AsnValue.Choice choice && choice.alternative().equals(name)) {
                current = choice.value();
            } else {
                current = null;
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The text of the ILL-String (or VisibleString) at {@code path}; bytes not valid in the charset give empty. */
    public Optional<String> text(Charset charset, String... path) {
        return at(path).flatMap(value -> {
            if (value instanceof AsnValue.IllString string) {
                return string.text(charset);
            }
            if (value instanceof AsnValue.Bytes bytes) {
                return Optional.of(bytes.latin1());
            }
            return Optional.empty();
        });
    }

    public int protocolVersion() {
        return at("protocol-version-num").map(v -> (int) ((AsnValue.Int) v).value()).orElse(0);
    }
}
