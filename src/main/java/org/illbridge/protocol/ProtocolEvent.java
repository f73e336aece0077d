package org.illbridge.protocol;

import java.util.Objects;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;

/**
 * An APDU received or sent, as the protocol machine sees it: its type and, where the type's
 * outcome decides the next state, its qualifier (an ILL-Answer's transaction-results, the answer
 * of a Conditional-Reply, Cancel-Reply or Renew-Answer as "yes" or "no").
 */
public record ProtocolEvent(Direction direction, ApduType type, String qualifier) {

    public ProtocolEvent {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(type, "type");
    }

    public static ProtocolEvent received(Apdu apdu) {
        return new ProtocolEvent(Direction.IN, apdu.type(), qualifierOf(apdu));
    }

    public static ProtocolEvent sent(Apdu apdu) {
        return new ProtocolEvent(Direction.OUT, apdu.type(), qualifierOf(apdu));
    }

    static String qualifierOf(Apdu apdu) {
        return switch (apdu.type()) {
            case ILL_ANSWER -> apdu.at("transaction-results")
                    .map(v -> ((AsnValue.Enumerated) v).identifier()).orElse(null);
            case CONDITIONAL_REPLY, CANCEL_REPLY, RENEW_ANSWER -> apdu.at("answer")
                    .map(v -> ((AsnValue.Bool) v).value() ? "yes" : "no").orElse(null);
            default -> null;
        };
    }

    @Override
    public String toString() {
        return (direction == Direction.IN ? "receive " : "send ") + type.asnName()
                + (qualifier == null ? "" : " (" + qualifier + ")");
    }
}
