package org.illbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The state diagrams in docs/protocol.md are the protocol machine's table: this fails when they
 * differ, and with {@code -Dillbridge.write-docs=true} writes the table's diagrams into the file.
 */
class StateDiagramTest {

    private static final Path DOCUMENT = Path.of("docs", "protocol.md");
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- state-diagram:(\\w+) -->\n```mermaid\n)(.*?)(```\n<!-- /state-diagram -->)", Pattern.DOTALL);

    @Test
    void theDocumentedDiagramsAreTheTable() throws IOException {
        String document = Files.readString(DOCUMENT);
        if (Boolean.getBoolean("illbridge.write-docs")) {
            document = withDiagrams(document);
            Files.writeString(DOCUMENT, document);
        }
        for (Role role : Role.values()) {
            assertThat(documented(document, role))
                    .as("the %s diagram in docs/protocol.md; regenerate with -Dillbridge.write-docs=true", role.code())
                    .isEqualTo(StateDiagram.of(role));
        }
    }

    @Test
    void everyTransitionIsAnArrow() {
        String borrowing = StateDiagram.of(Role.BORROWING);
        assertThat(borrowing).startsWith("stateDiagram-v2\n")
                .contains("[*] --> PENDING: send ILL-Request\n")
                .contains("PENDING --> NOT_SUPPLIED: receive ILL-Answer (unfilled, retry, locations-provided, estimate)\n")
                .contains("CONDITIONAL --> CANCEL_PENDING: send Cancel\n");
        assertThat(StateDiagram.of(Role.LENDING)).contains("[*] --> IN_PROCESS: receive ILL-Request\n")
                .contains("CONDITIONAL --> CANCEL_PENDING: receive Cancel\n");
        long arrows = borrowing.lines().filter(line -> line.contains(" --> ")).count();
        long distinct = ProtocolMachine.transitions().stream().filter(t -> t.role() == Role.BORROWING)
                .map(t -> t.from() + " " + t.to() + " " + t.direction() + " " + t.type()).distinct().count();
        assertThat(arrows).isEqualTo(distinct);
    }

    private static String documented(String document, Role role) {
        Matcher block = BLOCK.matcher(document);
        while (block.find()) {
            if (block.group(2).equals(role.code())) {
                return block.group(3);
            }
        }
        return "(no diagram for " + role.code() + ")";
    }

    private static String withDiagrams(String document) {
        Matcher block = BLOCK.matcher(document);
        StringBuilder out = new StringBuilder();
        int blocks = 0;
        while (block.find()) {
            blocks++;
            Role role = Role.ofCode(block.group(2));
            block.appendReplacement(out, Matcher.quoteReplacement(block.group(1) + StateDiagram.of(role) + block.group(4)));
        }
        block.appendTail(out);
        assertThat(blocks).as("diagram blocks in docs/protocol.md").isEqualTo(2);
        return out.toString();
    }
}
