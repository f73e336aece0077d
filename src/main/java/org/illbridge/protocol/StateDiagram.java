package org.illbridge.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.illbridge.codec.ill.ApduType;

/**
 * The protocol machine's table drawn as a Mermaid state diagram, one per role, so that the
 * diagrams in the documentation are the table and cannot drift from it.
 */
public final class StateDiagram {

    private StateDiagram() {
    }

    /** The diagram of {@code role}: one arrow per state change, APDUs with several qualifiers on one arrow. */
    public static String of(Role role) {
        Map<String, List<String>> arrows = new LinkedHashMap<>();
        for (ProtocolMachine.Transition t : ProtocolMachine.transitions()) {
            if (t.role() != role) {
                continue;
            }
            String from = t.from() == ProtocolState.IDLE ? "[*]" : t.from().name();
            String arrow = from + " --> " + t.to().name() + ": " + (t.direction() == Direction.IN ? "receive " : "send ")
                    + t.type().asnName();
            arrows.computeIfAbsent(arrow, a -> new ArrayList<>());
            if (t.qualifier() != null) {
                arrows.get(arrow).add(t.qualifier());
            }
        }
        StringBuilder diagram = new StringBuilder("stateDiagram-v2\n");
        arrows.forEach((arrow, qualifiers) -> diagram.append("    ").append(arrow)
                .append(qualifiers.isEmpty() ? "" : " (" + String.join(", ", qualifiers) + ")").append('\n'));
        diagram.append("    note right of ").append(role == Role.BORROWING ? "PENDING" : "IN_PROCESS")
                .append(": in any state but the first, ")
                .append(ProtocolMachine.stateless().stream().map(ApduType::asnName).sorted().collect(Collectors.joining(", ")))
                .append(" go either way and change nothing\n");
        return diagram.toString();
    }
}
