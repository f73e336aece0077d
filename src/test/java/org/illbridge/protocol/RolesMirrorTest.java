package org.illbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The lending table mirrors the borrowing one: what one side sends the other receives, between
 * the same states (the responder's In Process being the requester's Pending). This lists where
 * they differ on purpose (docs/protocol.md says why); any other difference is a mistake in the table.
 */
class RolesMirrorTest {

    private static final Set<String> INTENDED = Set.of(
            // a borrower receives Forward-Notification; illbridge as lender does not forward requests
            "BORROWING PENDING receive Forward-Notification -> PENDING has no lending mirror",
            // Expired comes from the ILL service to both parties: neither of us sends it
            "BORROWING PENDING receive Expired -> NOT_SUPPLIED has no lending mirror",
            "BORROWING CONDITIONAL receive Expired -> NOT_SUPPLIED has no lending mirror",
            "LENDING IN_PROCESS receive Expired -> NOT_SUPPLIED has no borrowing mirror",
            "LENDING CONDITIONAL receive Expired -> NOT_SUPPLIED has no borrowing mirror");

    @Test
    void theRolesDifferOnlyWhereIntended() {
        assertThat(differences()).containsExactlyInAnyOrderElementsOf(INTENDED);
    }

    private static Set<String> differences() {
        List<ProtocolMachine.Transition> table = ProtocolMachine.transitions();
        Set<String> differences = new TreeSet<>();
        for (ProtocolMachine.Transition t : table) {
            Role other = t.role() == Role.LENDING ? Role.BORROWING : Role.LENDING;
            boolean mirrored = table.stream().anyMatch(m -> m.role() == other
                    && m.from() == mirror(t.from()) && m.to() == mirror(t.to())
                    && m.direction() != t.direction() && m.type() == t.type()
                    && Objects.equals(m.qualifier(), t.qualifier()));
            if (!mirrored) {
                differences.add(t.role() + " " + t.from() + " " + (t.direction() == Direction.IN ? "receive " : "send ")
                        + t.type().asnName() + " -> " + t.to() + " has no " + other.code() + " mirror");
            }
        }
        return differences;
    }

    /** The same point of a transaction seen from the other side. */
    private static ProtocolState mirror(ProtocolState state) {
        return switch (state) {
            case PENDING -> ProtocolState.IN_PROCESS;
            case IN_PROCESS -> ProtocolState.PENDING;
            default -> state;
        };
    }
}
