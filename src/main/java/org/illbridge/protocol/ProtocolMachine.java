package org.illbridge.protocol;

import static org.illbridge.codec.ill.ApduType.CANCEL;
import static org.illbridge.codec.ill.ApduType.CANCEL_REPLY;
import static org.illbridge.codec.ill.ApduType.CHECKED_IN;
import static org.illbridge.codec.ill.ApduType.CONDITIONAL_REPLY;
import static org.illbridge.codec.ill.ApduType.DAMAGED;
import static org.illbridge.codec.ill.ApduType.EXPIRED;
import static org.illbridge.codec.ill.ApduType.FORWARD_NOTIFICATION;
import static org.illbridge.codec.ill.ApduType.ILL_ANSWER;
import static org.illbridge.codec.ill.ApduType.ILL_REQUEST;
import static org.illbridge.codec.ill.ApduType.LOST;
import static org.illbridge.codec.ill.ApduType.MESSAGE;
import static org.illbridge.codec.ill.ApduType.OVERDUE;
import static org.illbridge.codec.ill.ApduType.RECALL;
import static org.illbridge.codec.ill.ApduType.RECEIVED;
import static org.illbridge.codec.ill.ApduType.RENEW;
import static org.illbridge.codec.ill.ApduType.RENEW_ANSWER;
import static org.illbridge.codec.ill.ApduType.RETURNED;
import static org.illbridge.codec.ill.ApduType.SHIPPED;
import static org.illbridge.codec.ill.ApduType.STATUS_OR_ERROR_REPORT;
import static org.illbridge.codec.ill.ApduType.STATUS_QUERY;
import static org.illbridge.protocol.Direction.IN;
import static org.illbridge.protocol.Direction.OUT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.illbridge.codec.ill.ApduType;

/**
 * The ISO 10161-1 protocol machine (Annex A, reconstructed; see docs/protocol.md) as one table of
 * transitions: role, state, event, next state. An event with no row for the current state is
 * prohibited. Read the table to see what the machine allows; amend it here and nowhere else —
 * the state diagrams in docs/protocol.md are generated from it ({@link StateDiagram}).
 */
public final class ProtocolMachine {

    /** One row: in {@code from}, the {@code role} may {@code direction} {@code type} (with {@code qualifier}, or any). */
    public record Transition(Role role, ProtocolState from, Direction direction, ApduType type, String qualifier,
                      ProtocolState to) {
        boolean matches(Role r, ProtocolState state, ProtocolEvent event) {
            return role == r && from == state && direction == event.direction() && type == event.type()
                    && (qualifier == null || qualifier.equals(event.qualifier()));
        }
    }

    /** APDUs that any state accepts, in either direction, without changing it. */
    private static final Set<ApduType> STATELESS = Set.of(MESSAGE, STATUS_QUERY, STATUS_OR_ERROR_REPORT, DAMAGED);

    private static final List<Transition> TABLE = new ArrayList<>();

    private static void row(Role role, ProtocolState from, Direction direction, ApduType type, String qualifier,
                            ProtocolState to) {
        TABLE.add(new Transition(role, from, direction, type, qualifier, to));
    }

    private static void rows(Role role, ProtocolState from, Direction direction, ApduType type, ProtocolState to,
                             String... qualifiers) {
        for (String qualifier : qualifiers) {
            row(role, from, direction, type, qualifier, to);
        }
    }

    static {
        Role r = Role.BORROWING;
        row(r, ProtocolState.IDLE, OUT, ILL_REQUEST, null, ProtocolState.PENDING);
        rows(r, ProtocolState.PENDING, IN, ILL_ANSWER, ProtocolState.PENDING, "will-supply", "hold-placed");
        row(r, ProtocolState.PENDING, IN, ILL_ANSWER, "conditional", ProtocolState.CONDITIONAL);
        rows(r, ProtocolState.PENDING, IN, ILL_ANSWER, ProtocolState.NOT_SUPPLIED,
                "unfilled", "retry", "locations-provided", "estimate");
        row(r, ProtocolState.PENDING, IN, FORWARD_NOTIFICATION, null, ProtocolState.PENDING);
        row(r, ProtocolState.PENDING, IN, SHIPPED, null, ProtocolState.SHIPPED);
        row(r, ProtocolState.PENDING, IN, EXPIRED, null, ProtocolState.NOT_SUPPLIED);
        row(r, ProtocolState.PENDING, OUT, CANCEL, null, ProtocolState.CANCEL_PENDING);
        row(r, ProtocolState.CONDITIONAL, OUT, CONDITIONAL_REPLY, "yes", ProtocolState.PENDING);
        row(r, ProtocolState.CONDITIONAL, OUT, CONDITIONAL_REPLY, "no", ProtocolState.NOT_SUPPLIED);
        row(r, ProtocolState.CONDITIONAL, IN, EXPIRED, null, ProtocolState.NOT_SUPPLIED);
        row(r, ProtocolState.CONDITIONAL, OUT, CANCEL, null, ProtocolState.CANCEL_PENDING);
        row(r, ProtocolState.CANCEL_PENDING, IN, CANCEL_REPLY, "yes", ProtocolState.CANCELLED);
        row(r, ProtocolState.CANCEL_PENDING, IN, CANCEL_REPLY, "no", ProtocolState.PENDING);
        row(r, ProtocolState.CANCEL_PENDING, IN, SHIPPED, null, ProtocolState.SHIPPED);
        row(r, ProtocolState.SHIPPED, OUT, RECEIVED, null, ProtocolState.RECEIVED);
        row(r, ProtocolState.SHIPPED, IN, OVERDUE, null, ProtocolState.NOT_RECEIVED_OVERDUE);
        row(r, ProtocolState.SHIPPED, IN, RECALL, null, ProtocolState.RECALL);
        row(r, ProtocolState.SHIPPED, OUT, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.SHIPPED, OUT, LOST, null, ProtocolState.LOST);
        row(r, ProtocolState.NOT_RECEIVED_OVERDUE, OUT, RECEIVED, null, ProtocolState.OVERDUE);
        row(r, ProtocolState.RECEIVED, OUT, RENEW, null, ProtocolState.RENEW_PENDING);
        row(r, ProtocolState.RECEIVED, OUT, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.RECEIVED, OUT, LOST, null, ProtocolState.LOST);
        row(r, ProtocolState.RECEIVED, IN, RECALL, null, ProtocolState.RECALL);
        row(r, ProtocolState.RECEIVED, IN, OVERDUE, null, ProtocolState.OVERDUE);
        rows(r, ProtocolState.RENEW_PENDING, IN, RENEW_ANSWER, ProtocolState.RECEIVED, "yes", "no");
        row(r, ProtocolState.RENEW_PENDING, IN, RECALL, null, ProtocolState.RECALL);
        row(r, ProtocolState.RENEW_PENDING, OUT, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.OVERDUE, OUT, RENEW, null, ProtocolState.RENEW_OVERDUE);
        row(r, ProtocolState.OVERDUE, OUT, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.OVERDUE, OUT, LOST, null, ProtocolState.LOST);
        row(r, ProtocolState.OVERDUE, IN, RECALL, null, ProtocolState.RECALL);
        row(r, ProtocolState.RENEW_OVERDUE, IN, RENEW_ANSWER, "yes", ProtocolState.RECEIVED);
        row(r, ProtocolState.RENEW_OVERDUE, IN, RENEW_ANSWER, "no", ProtocolState.OVERDUE);
        row(r, ProtocolState.RENEW_OVERDUE, OUT, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.RECALL, OUT, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.RECALL, OUT, LOST, null, ProtocolState.LOST);
        row(r, ProtocolState.RETURNED, IN, CHECKED_IN, null, ProtocolState.CHECKED_IN);

        r = Role.LENDING;
        row(r, ProtocolState.IDLE, IN, ILL_REQUEST, null, ProtocolState.IN_PROCESS);
        rows(r, ProtocolState.IN_PROCESS, OUT, ILL_ANSWER, ProtocolState.IN_PROCESS, "will-supply", "hold-placed");
        row(r, ProtocolState.IN_PROCESS, OUT, ILL_ANSWER, "conditional", ProtocolState.CONDITIONAL);
        rows(r, ProtocolState.IN_PROCESS, OUT, ILL_ANSWER, ProtocolState.NOT_SUPPLIED,
                "unfilled", "retry", "locations-provided", "estimate");
        row(r, ProtocolState.IN_PROCESS, OUT, SHIPPED, null, ProtocolState.SHIPPED);
        row(r, ProtocolState.IN_PROCESS, IN, CANCEL, null, ProtocolState.CANCEL_PENDING);
        row(r, ProtocolState.IN_PROCESS, IN, EXPIRED, null, ProtocolState.NOT_SUPPLIED);
        row(r, ProtocolState.CONDITIONAL, IN, CONDITIONAL_REPLY, "yes", ProtocolState.IN_PROCESS);
        row(r, ProtocolState.CONDITIONAL, IN, CONDITIONAL_REPLY, "no", ProtocolState.NOT_SUPPLIED);
        row(r, ProtocolState.CONDITIONAL, IN, CANCEL, null, ProtocolState.CANCEL_PENDING);
        row(r, ProtocolState.CONDITIONAL, IN, EXPIRED, null, ProtocolState.NOT_SUPPLIED);
        row(r, ProtocolState.CANCEL_PENDING, OUT, CANCEL_REPLY, "yes", ProtocolState.CANCELLED);
        row(r, ProtocolState.CANCEL_PENDING, OUT, CANCEL_REPLY, "no", ProtocolState.IN_PROCESS);
        row(r, ProtocolState.CANCEL_PENDING, OUT, SHIPPED, null, ProtocolState.SHIPPED);
        row(r, ProtocolState.SHIPPED, IN, RECEIVED, null, ProtocolState.RECEIVED);
        row(r, ProtocolState.SHIPPED, IN, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.SHIPPED, IN, LOST, null, ProtocolState.LOST);
        row(r, ProtocolState.SHIPPED, OUT, OVERDUE, null, ProtocolState.NOT_RECEIVED_OVERDUE);
        row(r, ProtocolState.SHIPPED, OUT, RECALL, null, ProtocolState.RECALL);
        row(r, ProtocolState.RECEIVED, IN, RENEW, null, ProtocolState.RENEW_PENDING);
        row(r, ProtocolState.RECEIVED, IN, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.RECEIVED, IN, LOST, null, ProtocolState.LOST);
        row(r, ProtocolState.RECEIVED, OUT, RECALL, null, ProtocolState.RECALL);
        row(r, ProtocolState.RECEIVED, OUT, OVERDUE, null, ProtocolState.OVERDUE);
        rows(r, ProtocolState.RENEW_PENDING, OUT, RENEW_ANSWER, ProtocolState.RECEIVED, "yes", "no");
        row(r, ProtocolState.RENEW_PENDING, OUT, RECALL, null, ProtocolState.RECALL);
        row(r, ProtocolState.RENEW_PENDING, IN, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.NOT_RECEIVED_OVERDUE, IN, RECEIVED, null, ProtocolState.OVERDUE);
        row(r, ProtocolState.OVERDUE, IN, RENEW, null, ProtocolState.RENEW_OVERDUE);
        row(r, ProtocolState.OVERDUE, IN, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.OVERDUE, IN, LOST, null, ProtocolState.LOST);
        row(r, ProtocolState.OVERDUE, OUT, RECALL, null, ProtocolState.RECALL);
        row(r, ProtocolState.RENEW_OVERDUE, OUT, RENEW_ANSWER, "yes", ProtocolState.RECEIVED);
        row(r, ProtocolState.RENEW_OVERDUE, OUT, RENEW_ANSWER, "no", ProtocolState.OVERDUE);
        row(r, ProtocolState.RENEW_OVERDUE, IN, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.RECALL, IN, RETURNED, null, ProtocolState.RETURNED);
        row(r, ProtocolState.RECALL, IN, LOST, null, ProtocolState.LOST);
        row(r, ProtocolState.RETURNED, OUT, CHECKED_IN, null, ProtocolState.CHECKED_IN);
    }

    private ProtocolMachine() {
    }

    /** Every row of the table, in the order written. */
    public static List<Transition> transitions() {
        return List.copyOf(TABLE);
    }

    /** The APDU types any state but IDLE accepts, in either direction, without changing it. */
    public static Set<ApduType> stateless() {
        return STATELESS;
    }

    /** The state after {@code event} in {@code state}, or empty when the protocol prohibits it. */
    public static Optional<ProtocolState> next(Role role, ProtocolState state, ProtocolEvent event) {
        if (STATELESS.contains(event.type()) && state != ProtocolState.IDLE) {
            return Optional.of(state);
        }
        for (Transition transition : TABLE) {
            if (transition.matches(role, state, event)) {
                return Optional.of(transition.to());
            }
        }
        return Optional.empty();
    }

    /** The role we are in when we receive an APDU of this type, where only one is possible. */
    public static Optional<Role> receivingRole(ApduType type) {
        boolean lending = receivedBy(Role.LENDING, type);
        boolean borrowing = receivedBy(Role.BORROWING, type);
        return lending == borrowing ? Optional.empty() : Optional.of(lending ? Role.LENDING : Role.BORROWING);
    }

    private static boolean receivedBy(Role role, ApduType type) {
        if (STATELESS.contains(type)) {
            return true;
        }
        return TABLE.stream().anyMatch(t -> t.role() == role && t.direction() == IN && t.type() == type);
    }
}
