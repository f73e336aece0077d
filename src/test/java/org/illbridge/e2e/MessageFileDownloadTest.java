package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.illbridge.cli.CommandLine;
import org.illbridge.cli.CsvRecords;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.support.FreePort;
import org.illbridge.support.InboxApi;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.ReportCatcher;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.illbridge.support.TestUsers;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The legacy side, MicroEnhancer style: the message file downloaded per queue as CSV and JSON
 * lines, Pending lending requests marked In Process in the same step, and a request that predates
 * the profile listed in the errors section, never changed — over the API and the command line.
 */
class MessageFileDownloadTest extends RunningService {

    private static final ReportCatcher ZBW = new ReportCatcher();
    private static final Path PROFILES = Path.of("target", "profiles-" + UUID.randomUUID(), "application.yaml");
    private final IllCodec codec = new IllCodec();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        ServiceProperties.register(registry, TestDatabases.newH2Url(), FreePort.find());
        Files.createDirectories(PROFILES.getParent());
        Files.writeString(PROFILES, """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-06-01T00:00:00
                      peers:
                        - {symbol: ZBW, address: "127.0.0.1:%d", interaction: separate-connection}
                """.formatted(ZBW.port()));
        registry.add("illbridge.profiles-file", PROFILES::toString);
    }

    @BeforeEach
    void threeLendingRequestsOneOfThemFromBeforeTheProfile() {
        emptyTables("outbox", "apdu_history", "ill_transaction", "processed_apdu", "dead_letter", "inbox");
        int n = 0;
        for (byte[] request : List.of(request("R-0001", "20261128"), request("R-0002, with a comma", "20261128"),
                request("R-OLD", "20251001"))) {
            send(request);
            int expected = ++n; // one after another, so that the message file numbers them in this order
            await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/requests?symbol=OCL").size() == expected);
        }
    }

    @Test
    void aQueueDownloadsAsCsvAndNothingChanges() {
        HttpResponse<String> csv = api.text("/api/requests/download?queue=Pending&role=lending&format=csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"message-file-pending-lending.csv\"");
        List<List<String>> records = CsvRecords.all(csv.body());
        assertThat(records.get(0)).startsWith("section", "id", "role", "queue", "status", "managed-by");
        assertThat(records.subList(1, records.size())).extracting(r -> r.get(0) + " " + r.get(9) + " " + r.get(3))
                .containsExactly("request R-0001 Pending", "request R-0002, with a comma Pending");
        assertThat(queues()).containsExactlyInAnyOrder("Pending", "Pending", "OCLC");
    }

    @Test
    void markingInProcessMovesPendingRequestsOnceAndListsTheOclcManagedOneAsAnError() {
        HttpResponse<String> marked = as(TestUsers.STAFF).send("POST",
                "/api/requests/download?queue=Pending&queue=OCLC&role=lending&format=jsonl&mark-in-process=true", null);

        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        List<JsonNode> lines = marked.body().lines().map(api::parse).toList();
        assertThat(lines).extracting(l -> l.get("section").asString() + " " + l.get("transaction-qualifier").asString()
                        + " " + l.get("queue").asString() + " marked=" + l.get("marked-in-process").asBoolean())
                .containsExactly("request R-0001 In Process marked=true", "request R-0002, with a comma In Process marked=true",
                        "request R-OLD OCLC marked=false", "error R-OLD OCLC marked=false");
        assertThat(lines.get(3).get("error").asString()).isEqualTo("Managed in OCLC: this request began 2025-10-01T14:30,"
                + " before the ISO ILL profile of OCL (installed 2026-06-01T00:00); update it in OCLC. Not marked In Process.");
        assertThat(queues()).containsExactlyInAnyOrder("In Process", "In Process", "OCLC");

        HttpResponse<String> again = api.send("POST", "/api/requests/download?queue=Pending&format=jsonl&mark-in-process=true", null);
        assertThat(again.body()).as("nothing Pending is downloaded twice").isEmpty();

        long id = api.json("/api/requests?queue=In%20Process").get(0).get("id").asLong();
        assertThat(api.json("/api/requests/" + id + "/actions").get("actions")).as("still worked here").isNotEmpty();
        send(YazVectors.read("18-cancel"));
        await().atMost(Duration.ofSeconds(10)).until(() -> queues().contains("Cancel Pending"));
    }

    @Test
    void aViewerMayReadButNotMarkAndAWrongQueueIsNamed() {
        assertThat(as(TestUsers.VIEWER).text("/api/requests/download?queue=Pending").statusCode()).isEqualTo(200);
        assertThat(as(TestUsers.VIEWER).send("POST", "/api/requests/download?queue=Pending&mark-in-process=true", null)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = api.text("/api/requests/download?queue=Pendng");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(api.parse(wrong.body()).get("detail").asString()).startsWith("queue 'Pendng' is not a queue; the queues are New,"
                + " Pending, In Process");
        assertThat(queues()).containsExactlyInAnyOrder("Pending", "Pending", "OCLC");
    }

    @Test
    void theCommandLineDownloadsToAFileAndMarks() throws IOException {
        Path file = Files.createTempDirectory("download").resolve("pending.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CommandLine(new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err),
                Map.of("ILLBRIDGE_USER", TestUsers.STAFF.userName(), "ILLBRIDGE_PASSWORD", TestUsers.STAFF.password()))
                .run("download", "--url", "http://127.0.0.1:" + httpPort, "--queue", "Pending", "--queue", "OCLC",
                        "--role", "lending", "--mark-in-process", "-o", file.toString());

        assertThat(status).as(err.toString()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("3 request(s) in " + file
                + ", 2 marked In Process, 1 in the errors section (managed in OCLC: not changed)");
        List<List<String>> records = CsvRecords.all(Files.readString(file));
        assertThat(records).hasSize(5);
        assertThat(records.get(4).get(0)).isEqualTo("error");
        assertThat(queues()).containsExactlyInAnyOrder("In Process", "In Process", "OCLC");

        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        int wrongPassword = new CommandLine(new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(refused),
                Map.of("ILLBRIDGE_USER", "sam", "ILLBRIDGE_PASSWORD", "wrong"))
                .run("download", "--url", "http://127.0.0.1:" + httpPort);
        assertThat(wrongPassword).isEqualTo(1);
        assertThat(refused.toString()).startsWith("illbridge: the service answered 401: ");
    }

    private InboxApi as(TestUsers user) {
        return InboxApi.as(httpPort, user);
    }

    private List<String> queues() {
        List<String> queues = new ArrayList<>();
        api.json("/api/requests?symbol=OCL").forEach(r -> queues.add(r.get("queue").asString()));
        return queues;
    }

    /** YAZ's minimal ILL-Request from ZBW to OCL, with another transaction qualifier and service date. */
    private byte[] request(String qualifier, String date) {
        try {
            ObjectNode json = ApduJson.utf8().toJson(codec.decode(YazVectors.read("01-ill-request-minimal")));
            ObjectNode request = (ObjectNode) json.get("ILL-Request");
            ((ObjectNode) request.get("transaction-id")).put("transaction-qualifier", qualifier);
            ((ObjectNode) request.at("/service-date-time/date-time-of-this-service")).put("date", date);
            return codec.encode(ApduJson.utf8().fromJson(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(byte[] apdu) {
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(apdu);
        }
    }
}
