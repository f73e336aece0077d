package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.illbridge.cli.CommandLine;
import org.illbridge.support.FreePort;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The conformance check run against illbridge itself as the partner: once as ZBW, profiled to get
 * answers on a new connection (to the check's listener), once as DRQ, profiled Direct Request
 * style (answers on the same connection).
 */
class ConformanceAgainstIllbridgeTest extends RunningService {

    private static final int LISTEN_PORT = FreePort.find();
    private static final int CHECK_LISTENER = FreePort.find();
    private static final Path PROFILES = Path.of("target", "profiles-" + UUID.randomUUID(), "application.yaml");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        ServiceProperties.register(registry, TestDatabases.newH2Url(), LISTEN_PORT);
        Files.createDirectories(PROFILES.getParent());
        Files.writeString(PROFILES, """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      listeners: ["127.0.0.1:%d"]
                      peers:
                        - {symbol: ZBW, address: "127.0.0.1:%d", interaction: separate-connection}
                        - {symbol: DRQ, address: "127.0.0.1:9", interaction: same-connection}
                """.formatted(LISTEN_PORT, CHECK_LISTENER));
        registry.add("illbridge.profiles-file", PROFILES::toString);
    }

    @Test
    void aPartnerThatAnswersOnANewConnectionIsReadOnTheChecksListener() {
        String output = conformance("--as", "ZBW", "--listen", "127.0.0.1:" + CHECK_LISTENER, "--qualifier", "CONF-ZBW");

        assertThat(output).contains(
                "| 1 | ILL-Request (OCLC form) | OCLC ILL request extension (IFM), APDU-Delivery-Info | nothing within 2 s |",
                "| 2 | Status-Query | APDU-Delivery-Info | Status-Or-Error-Report: status iN-PROCESS (with APDU-Delivery-Info)"
                        + " | our listener | ",
                "| 5 | Status-Query (after the Cancel) | APDU-Delivery-Info | Status-Or-Error-Report: status cANCEL-PENDING"
                        + " (with APDU-Delivery-Info) | our listener | ",
                "- Answers on the same connection: no: it answered on a new connection to our listener",
                "- APDU-Delivery-Info: yes, in its answers (its address 127.0.0.1:" + LISTEN_PORT + ")",
                "- OCLC ILL request extension and IFM fields: taken: the Status-Query found the request iN-PROCESS",
                "- Message: no answer (none is expected)",
                "- Protocol version: 2");
        JsonNode request = api.json("/api/requests?q=CONF-ZBW").get(0);
        assertThat(request.get("queue").asString()).as("the check's request, cancelled, waits for staff").isEqualTo("Cancel Pending");
    }

    @Test
    void aDirectRequestPartnerAnswersOnTheSameConnection() {
        String output = conformance("--as", "DRQ", "--qualifier", "CONF-DRQ");

        assertThat(output).contains(
                "| 2 | Status-Query | APDU-Delivery-Info | Status-Or-Error-Report: status iN-PROCESS (with APDU-Delivery-Info)"
                        + " | same connection | ",
                "- Answers on the same connection: yes",
                "- Cancel: no answer within 2 s (a person decides; a Cancel-Reply comes later); a Status-Query then found"
                        + " the request cANCEL-PENDING");
    }

    private String conformance(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 6];
        System.arraycopy(new String[] {"conformance", "127.0.0.1:" + LISTEN_PORT, "--peer", "OCL", "--wait", "2"}, 0, args, 0, 6);
        System.arraycopy(options, 0, args, 6, options.length);
        int status = new CommandLine(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
