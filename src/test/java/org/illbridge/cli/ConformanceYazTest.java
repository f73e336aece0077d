package org.illbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.illbridge.support.FreePort;
import org.illbridge.support.YazHelper;
import org.junit.jupiter.api.Test;

/** The conformance check against YAZ's ISO ILL code acting as a partner (tools/yaz, {@code yaz-ill serve}). */
class ConformanceYazTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aYazPartnerAnswersTheStatusQueriesOnTheConnectionAndLeavesTheRestToAPerson() {
        YazHelper.require();
        int port = FreePort.find();
        Process partner = YazHelper.serve(port, "YZP");
        try {
            int status = run("conformance", "127.0.0.1:" + port, "--as", "ZBW", "--peer", "YZP", "--wait", "1",
                    "--qualifier", "CONF-1");

            assertThat(status).as(err.toString()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                    "Conformance check of YZP at 127.0.0.1:" + port + ", as ZBW, transaction CONF-1",
                    "| 1 | ILL-Request (OCLC form) | OCLC ILL request extension (IFM), APDU-Delivery-Info | nothing within 1 s |",
                    "| 2 | Status-Query | APDU-Delivery-Info | Status-Or-Error-Report: status iN-PROCESS | same connection | ",
                    "| 3 | Message | APDU-Delivery-Info | nothing within 1 s |",
                    "| 5 | Status-Query (after the Cancel) | APDU-Delivery-Info | Status-Or-Error-Report: status cANCEL-PENDING"
                            + " | same connection | ",
                    "- Answers on the same connection: yes",
                    "- APDU-Delivery-Info: no: its answers carry none",
                    "- OCLC ILL request extension and IFM fields: taken: the Status-Query found the request iN-PROCESS",
                    "- Cancel: no answer within 1 s (a person decides; a Cancel-Reply comes later); a Status-Query then found"
                            + " the request cANCEL-PENDING",
                    "- Protocol version: 2");
        } finally {
            partner.destroyForcibly();
        }
    }

    @Test
    void aPartnerThatCannotBeReachedIsSaidInOneLine() {
        int port = FreePort.find();

        assertThat(run("conformance", "127.0.0.1:" + port, "--as", "ZBW", "--peer", "YZP")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("illbridge: conformance: cannot talk to 127.0.0.1:" + port
                + ": Connection refused");
        assertThat(run("conformance", "127.0.0.1:" + port, "--as", "ZBW")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "illbridge: conformance needs HOST:PORT, --as SYMBOL (ours) and --peer SYMBOL (theirs)");
    }

    private int run(String... args) {
        return new CommandLine(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
    }
}
