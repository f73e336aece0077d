package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.ReceivedBytes;
import org.illbridge.support.FreePort;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.ReportCatcher;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.Variants;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Inbound processing end to end: YAZ-encoded APDUs over real sockets, through the routes in
 * routes/, into the message file and the dead letters, with error reports read back by the
 * sending peer in both interaction styles.
 *
 * <p>The site is OCL (the YAZ vectors' responder; ZBW requests), profiled on 2026-01-01, with two
 * peers on 127.0.0.1: OCLC, same-connection (Direct Request style, and the peer any APDU from
 * 127.0.0.1 that names no sender is taken to come from), and ZBW, separate-connection, whose
 * listener is {@link #ZBW}. A second site, PRE, was profiled on 2027-01-01: every request to it
 * predates its profile.
 */
abstract class InboundProcessingContract extends RunningService {

    @Autowired
    InboxStore inbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    /** ZBW's listener, shared by the H2 and PostgreSQL runs (a daemon that ends with the JVM). */
    static final ReportCatcher ZBW = new ReportCatcher();
    private static final int WAIT_MS = 10_000;

    final IllCodec codec = new IllCodec();

    static String profiles(String... extraSites) {
        StringBuilder yaml = new StringBuilder("""
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      unknown-requesters: queue
                      peers:
                        - symbol: OCLC
                          address: "127.0.0.1:9"
                          interaction: same-connection
                        - symbol: ZBW
                          address: "127.0.0.1:%d"
                          interaction: separate-connection
                    - symbol: PRE
                      profile-installed: 2027-01-01T00:00:00
                """.formatted(ZBW.port()));
        for (String site : extraSites) {
            yaml.append("""
                        - symbol: %s
                          profile-installed: 2026-01-01T00:00:00
                    """.formatted(site));
        }
        return yaml.toString();
    }

    static Path writeProfiles(Path file, String yaml) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    abstract Path profilesFile();

    /** One database's run: its own database, listener port and profile file. */
    record Setup(String database, int listenPort, Path profiles) {
        Setup(String database) {
            this(database, FreePort.find(),
                    writeProfiles(Path.of("target", "profiles-" + UUID.randomUUID(), "application.yaml"),
                            InboundProcessingContract.profiles()));
        }

        void register(DynamicPropertyRegistry registry) {
            ServiceProperties.register(registry, database, listenPort);
            registry.add("illbridge.profiles-file", profiles::toString);
            registry.add("illbridge.inbox.recovery-interval", () -> "500ms");
            registry.add("illbridge.inbox.recover-after", () -> "30s");
        }
    }

    @BeforeEach
    void emptyStores() {
        emptyTables("outbox", "apdu_history", "ill_transaction", "processed_apdu", "dead_letter", "inbox");
        ZBW.clear();
        writeProfiles(profilesFile(), profiles());
        api.post("/api/profiles/reload");
    }

    @Test
    void aLendingRequestArrivesPendingAndLaterApdusMoveIt() {
        send(YazVectors.read("01-ill-request-minimal"));

        JsonNode request = awaitOneRequest("symbol=OCL", "Pending");
        assertThat(request.get("role").asString()).isEqualTo("LENDING");
        assertThat(request.get("protocol-state").asString()).isEqualTo("IN_PROCESS");
        assertThat(request.get("queue").asString()).isEqualTo("Pending");
        assertThat(request.get("title").asString()).isEqualTo("A minimal request");
        assertThat(request.get("requester-symbol").asString()).isEqualTo("ZBW");
        assertThat(request.get("managed-by").asString()).isEqualTo("iso");
        assertThat(request.at("/transaction-id/transaction-qualifier").asString()).isEqualTo("R-0001");

        send(YazVectors.read("18-cancel"));

        JsonNode cancelled = awaitOneRequest("symbol=OCL", "Cancel Pending");
        assertThat(cancelled.get("protocol-state").asString()).isEqualTo("CANCEL_PENDING");
        JsonNode history = api.json("/api/requests/" + cancelled.get("id").asLong()).get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("apdu-type").asString()).isEqualTo("ILL-Request");
        assertThat(history.get(1).get("apdu-type").asString()).isEqualTo("Cancel");
        assertThat(history.get(1).at("/apdu/Cancel/requester-note").asString()).isEqualTo("no longer needed");
        assertThat(api.json("/api/dead-letters")).isEmpty();
    }

    @Test
    void badBytesAreRefusedAndReportedOnTheSameConnection() throws Exception {
        byte[] bad = {0x61, 0x05, 0x30, 0x03, (byte) 0x80, 0x01, 0x02};
        JsonNode report;
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(bad);
            report = json(peer.readApdu(WAIT_MS));
        }

        assertThat(report.at("/Status-Or-Error-Report/error-report/report-source").asString()).isEqualTo("provider");
        assertThat(report.at("/Status-Or-Error-Report/error-report/provider-error-report/general-problem").asString())
                .isEqualTo("badly-structured-APDU");
        JsonNode dead = awaitDeadLetter("undecodable");
        assertThat(dead.get("reason").asString()).startsWith("The APDU could not be read as ISO ILL: ILL-Request.transaction-id");
        assertThat(dead.get("apdu").isNull()).isTrue();
        assertThat(dead.get("report-sent").asString()).startsWith("sent on the same connection");
        assertThat(api.bytes("/api/dead-letters/" + dead.get("id").asLong() + "/raw").body()).isEqualTo(bad);
    }

    @Test
    void aProhibitedTransitionIsRefusedAndReportedOnANewConnectionToTheSender() throws Exception {
        send(YazVectors.read("01-ill-request-minimal"));
        awaitOneRequest("symbol=OCL", "Pending");

        send(YazVectors.read("20-received"));

        JsonNode report = json(ZBW.next(WAIT_MS));
        assertThat(report.at("/Status-Or-Error-Report/transaction-id/transaction-qualifier").asString()).isEqualTo("R-0001");
        assertThat(report.at("/Status-Or-Error-Report/error-report/provider-error-report/state-transition-prohibited/aPDU-type")
                .asString()).isEqualTo("rECEIVED");
        assertThat(report.at("/Status-Or-Error-Report/error-report/provider-error-report/state-transition-prohibited/current-state")
                .asString()).isEqualTo("iN-PROCESS");
        JsonNode dead = awaitDeadLetter("state-transition-prohibited");
        assertThat(dead.get("reason").asString()).contains("A Received cannot be accepted for transaction ZBW/R-0001");
        assertThat(dead.at("/apdu/Received/date-received").asString()).isEqualTo("20261203");
        assertThat(dead.get("report-sent").asString()).startsWith("sent on a new connection to 127.0.0.1:" + ZBW.port());
        assertThat(awaitOneRequest("symbol=OCL", "Pending").get("protocol-state").asString()).isEqualTo("IN_PROCESS");
    }

    @Test
    void anApduForASymbolWeDoNotServeIsRefused() throws Exception {
        byte[] elsewhere = Variants.withSymbol(YazVectors.read("30-message"), "responder-id", "XXX");
        JsonNode report;
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(elsewhere);
            report = json(peer.readApdu(WAIT_MS));
        }

        assertThat(report.at("/Status-Or-Error-Report/error-report/report-source").asString()).isEqualTo("user");
        assertThat(report.at("/Status-Or-Error-Report/error-report/user-error-report/unable-to-perform").asString())
                .isEqualTo("not-available");
        assertThat(awaitDeadLetter("unknown-symbol").get("reason").asString())
                .isEqualTo("The Message is addressed to a library this service does not serve (no ISO ILL profile is"
                        + " configured for its symbols).");
    }

    @Test
    void anExtensionMarkedCriticalThatIsNotUnderstoodIsRefused() throws Exception {
        send(YazVectors.read("03-ill-request-v1-third-party"));

        JsonNode report = json(ZBW.next(WAIT_MS));
        assertThat(report.at("/Status-Or-Error-Report/error-report/user-error-report/unable-to-perform").asString())
                .isEqualTo("other");
        assertThat(report.at("/Status-Or-Error-Report/status-or-error-report-extensions/0/item/EXTERNAL/encoding"
                + "/single-ASN1-type/Additional-User-Error-Report-Info/0/unrecognized-data/element").asString())
                .isEqualTo("ILL-REQUEST.iLL-request-extensions");
        assertThat(awaitDeadLetter("unknown-critical-extension").get("reason").asString())
                .contains("an extension marked critical that illbridge does not know (OID 1.2.840.999.1)");
        assertThat(api.json("/api/requests")).isEmpty();
    }

    @Test
    void aRequestWithoutATitleIsRefusedNamingTheMissingElement() throws Exception {
        send(Variants.without(YazVectors.read("01-ill-request-minimal"), "item-id", "title"));

        JsonNode report = json(ZBW.next(WAIT_MS));
        assertThat(report.at("/Status-Or-Error-Report/status-or-error-report-extensions/0/item/EXTERNAL/encoding"
                + "/single-ASN1-type/Additional-User-Error-Report-Info/0/missing-required-element").asString())
                .isEqualTo("ILL-REQUEST.item-id.title");
        assertThat(awaitDeadLetter("missing-required-element").get("reason").asString())
                .isEqualTo("The ILL-Request has no title (ILL-REQUEST.item-id.title), which is needed to process it.");
    }

    @Test
    void aSenderThatNamesItsAddressInApduDeliveryInfoGetsTheReportThere() throws Exception {
        try (ReportCatcher elsewhere = new ReportCatcher()) {
            send(Variants.withDeliveryInfo(YazVectors.read("20-received"), "127.0.0.1:" + elsewhere.port()));

            JsonNode report = json(elsewhere.next(WAIT_MS));

            assertThat(report.at("/Status-Or-Error-Report/error-report/provider-error-report/transaction-id-problem")
                    .asString()).isEqualTo("unknown-transaction-id");
            assertThat(awaitDeadLetter("unknown-transaction-id").get("report-sent").asString())
                    .isEqualTo("sent on a new connection to 127.0.0.1:" + elsewhere.port());
        }
    }

    @Test
    void aDeadLetterCanBeDiscarded() {
        send(Variants.withSymbol(YazVectors.read("30-message"), "responder-id", "XXX"));
        long id = awaitDeadLetter("unknown-symbol").get("id").asLong();

        assertThat(api.delete("/api/dead-letters/" + id).statusCode()).isEqualTo(204);

        assertThat(api.json("/api/dead-letters")).isEmpty();
        assertThat(api.json("/api/dead-letters?status=discarded").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(api.delete("/api/dead-letters/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aRequestThatPredatesTheProfileIsRecordedAndFlaggedForOclc() {
        send(Variants.withSymbol(YazVectors.read("01-ill-request-minimal"), "responder-id", "PRE"));

        JsonNode request = awaitOneRequest("symbol=PRE", "Update in OCLC");
        assertThat(request.get("update-in-oclc").asBoolean()).isTrue();
        assertThat(request.get("managed-by").asString()).isEqualTo("oclc");
        assertThat(request.get("queue").asString()).isEqualTo("OCLC");
        JsonNode history = api.json("/api/requests/" + request.get("id").asLong()).get("history");
        assertThat(history.get(0).get("note").asString()).isEqualTo("predates the PRE ISO ILL profile: update this request in OCLC");
        assertThat(api.json("/api/inbox").get(0).get("status").asString()).isEqualTo("recorded-for-oclc");
        assertThat(api.json("/api/dead-letters")).isEmpty();
    }

    @Test
    void aRequestFromAnUnknownRequesterGoesToItsOwnQueue() {
        send(Variants.withSymbol(Variants.withQualifier(YazVectors.read("01-ill-request-minimal"), "R-0900"),
                "requester-id", "UNK"));

        JsonNode request = awaitOneRequest("queue=Unknown%20Requester", "Pending");
        assertThat(request.get("requester-symbol").asString()).isEqualTo("UNK");
        assertThat(request.get("queue").asString()).isEqualTo("Unknown Requester");
    }

    @Test
    void anApduReceivedTwiceIsAppliedOnce() {
        byte[] request = YazVectors.read("01-ill-request-minimal");
        send(request);
        send(request);

        await().atMost(Duration.ofSeconds(10)).until(() -> statuses().equals("applied,duplicate"));
        JsonNode requests = api.json("/api/requests");
        assertThat(requests).hasSize(1);
        JsonNode history = api.json("/api/requests/" + requests.get(0).get("id").asLong()).get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("note").asString()).isEqualTo("the same APDU was received before; recorded, not applied again");
        assertThat(api.json("/api/dead-letters")).isEmpty();
    }

    @Test
    void aRefusedApduSucceedsWhenReplayedAfterTheProfileIsFixed() {
        send(Variants.withSymbol(YazVectors.read("01-ill-request-minimal"), "responder-id", "NEW"));
        long deadLetter = awaitDeadLetter("unknown-symbol").get("id").asLong();

        writeProfiles(profilesFile(), profiles("NEW"));
        api.post("/api/profiles/reload");
        JsonNode replay = api.post("/api/dead-letters/" + deadLetter + "/replay");

        assertThat(replay.get("outcome").asString()).isEqualTo("applied");
        assertThat(awaitOneRequest("symbol=NEW", "Pending").get("site-symbol").asString()).isEqualTo("NEW");
        assertThat(api.json("/api/dead-letters/" + deadLetter).get("status").asString()).isEqualTo("replayed");
        assertThat(api.json("/api/dead-letters")).isEmpty();
    }

    @Test
    void anApduWhoseProcessingNeverFinishedIsProcessedAgain() {
        // as if the service had stopped right after storing it
        long id = inbox.store(new ReceivedBytes(YazVectors.read("01-ill-request-minimal"), "127.0.0.1:40000", "0.0.0.0:1611",
                Instant.now().minus(Duration.ofHours(1)), InboxStatus.RECEIVED, null));

        JsonNode request = awaitOneRequest("symbol=OCL", "Pending");

        assertThat(request.get("title").asString()).isEqualTo("A minimal request");
        assertThat(api.json("/api/inbox/" + id).get("status").asString()).isEqualTo("applied");
    }

    @Test
    void aStatusQueryIsAnsweredFromTheStoredState() throws Exception {
        send(YazVectors.read("01-ill-request-minimal"));
        awaitOneRequest("symbol=OCL", "Pending");

        send(YazVectors.read("31-status-query"));

        JsonNode answer = json(ZBW.next(WAIT_MS));
        assertThat(answer.at("/Status-Or-Error-Report/status-report/provider-status-report").asString()).isEqualTo("iN-PROCESS");
        assertThat(answer.at("/Status-Or-Error-Report/status-report/user-status-report/title").asString())
                .isEqualTo("A minimal request");
        assertThat(answer.at("/Status-Or-Error-Report/status-report/user-status-report/most-recent-service").asString())
                .isEqualTo("iLL-REQUEST");
        JsonNode delivery = answer.at("/Status-Or-Error-Report/status-or-error-report-extensions/0/item/EXTERNAL/encoding"
                + "/single-ASN1-type/APDU-Delivery-Info");
        assertThat(delivery.at("/sender-info/0/aliases/0/person-or-institution-symbol/institution-symbol").asString())
                .as("our symbol in the reply's APDU-Delivery-Info").isEqualTo("OCL");
        assertThat(delivery.at("/recipient-info/0/aliases/0/person-or-institution-symbol/institution-symbol").asString())
                .isEqualTo("ZBW");

        send(YazVectors.read("31-status-query"));
        JsonNode again = json(ZBW.next(WAIT_MS));
        assertThat(again.at("/Status-Or-Error-Report/status-report/provider-status-report").asString())
                .as("the same Status-Query asked again is answered again").isEqualTo("iN-PROCESS");
    }

    @Test
    void apdusSentTogetherOnOneConnectionAreAppliedInOrderInOneBatchAndAnsweredOnceCommitted() throws Exception {
        byte[] request = YazVectors.read("01-ill-request-minimal");
        byte[] query = YazVectors.read("31-status-query");
        byte[] laterQuery = Variants.withOriginalServiceDate(query, "20261128"); // other bytes, same question

        // one write: the request, a Status-Query about it, another one
        sendTogether(request, query, laterQuery);

        await().atMost(Duration.ofSeconds(10)).until(() -> statuses().equals("applied,applied,applied"));
        JsonNode answer = json(ZBW.next(WAIT_MS));
        assertThat(answer.at("/Status-Or-Error-Report/status-report/user-status-report/most-recent-service").asString())
                .as("the Status-Query sees the request applied before it in the same batch").isEqualTo("iLL-REQUEST");
        assertThat(answer.at("/Status-Or-Error-Report/status-report/provider-status-report").asString()).isEqualTo("iN-PROCESS");
        assertThat(json(ZBW.next(WAIT_MS)).at("/Status-Or-Error-Report/status-report/provider-status-report").asString())
                .isEqualTo("iN-PROCESS");
        assertThat(historyTypes()).as("in the order sent; the replies went out once the batch was committed")
                .containsExactly("ILL-Request", "Status-Query", "Status-Query", "Status-Or-Error-Report", "Status-Or-Error-Report");
        assertThat(api.json("/api/dead-letters")).isEmpty();
    }

    @Test
    void apdusReceivedBeforeAreRecordedAsDuplicatesWhenTheyComeInABatchWithOthers() throws Exception {
        byte[] request = YazVectors.read("01-ill-request-minimal");
        byte[] query = YazVectors.read("31-status-query");

        // one write: the request, a Status-Query about it, the request again, the query again
        sendTogether(request, query, request, query);

        await().atMost(Duration.ofSeconds(10)).until(() -> statuses().equals("applied,applied,duplicate,duplicate"));
        assertThat(json(ZBW.next(WAIT_MS)).at("/Status-Or-Error-Report/status-report/provider-status-report").asString())
                .isEqualTo("iN-PROCESS");
        assertThat(json(ZBW.next(WAIT_MS)).at("/Status-Or-Error-Report/status-report/provider-status-report").asString())
                .as("the same Status-Query again is answered again").isEqualTo("iN-PROCESS");
        assertThat(historyTypes())
                .as("each applied once: a batch holding an APDU applied before is applied again one APDU at a time")
                .containsExactly("ILL-Request", "Status-Query", "Status-Or-Error-Report", "ILL-Request", "Status-Query",
                        "Status-Or-Error-Report");
        assertThat(api.json("/api/dead-letters")).isEmpty();
    }

    /** The APDU types in the history of the one request there is. */
    private List<String> historyTypes() {
        JsonNode requests = api.json("/api/requests");
        assertThat(requests).hasSize(1);
        List<String> types = new java.util.ArrayList<>();
        api.json("/api/requests/" + requests.get(0).get("id").asLong()).get("history")
                .forEach(entry -> types.add(entry.get("apdu-type").asString()));
        return types;
    }

    @Test
    void anApduThatFailsInABatchIsKeptAsADeadLetterWhileTheOthersOfTheBatchAreAppliedOnce() {
        byte[] vector = YazVectors.read("01-ill-request-minimal");
        // a fault of the database's, for one request only (a constraint it was given)
        jdbc.execute("ALTER TABLE ill_transaction ADD CONSTRAINT test_fault CHECK (transaction_qualifier <> 'FAULT')");
        double countedBefore = received(null);
        double appliedBefore = received("applied");
        try {
            sendTogether(Variants.withQualifier(vector, "FIRST"), Variants.withQualifier(vector, "FAULT"),
                    Variants.withQualifier(vector, "LAST"));

            JsonNode letter = awaitDeadLetter("internal-error");
            assertThat(letter.get("reason").asString()).contains("replay it once the problem is fixed");
            await().atMost(Duration.ofSeconds(10)).until(() -> statuses().equals("applied,applied,refused"));
            assertThat(api.json("/api/requests")).extracting(r -> r.at("/transaction-id/transaction-qualifier").asString())
                    .containsExactlyInAnyOrder("FIRST", "LAST");
            for (JsonNode request : api.json("/api/requests")) {
                assertThat(api.json("/api/requests/" + request.get("id").asLong()).get("history"))
                        .as("applied once, though its batch was tried whole first").hasSize(1);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> received(null) - countedBefore >= 3);
            assertThat(received("applied") - appliedBefore).as("APDUs counted as applied").isEqualTo(2);
            assertThat(received(null) - countedBefore).as("APDUs counted, each once").isEqualTo(3);
        } finally {
            jdbc.execute("ALTER TABLE ill_transaction DROP CONSTRAINT test_fault");
        }
    }

    /** How many APDUs the service counted as received (with this outcome, or all). */
    private double received(String outcome) {
        return meters.find("illbridge.apdus.received").counters().stream()
                .filter(counter -> outcome == null || outcome.equals(counter.getId().getTag("outcome")))
                .mapToDouble(Counter::count).sum();
    }

    /** Several APDUs in one write on one connection, as a peer sends that does not wait for answers. */
    private void sendTogether(byte[]... apdus) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] apdu : apdus) {
            all.writeBytes(apdu);
        }
        send(all.toByteArray());
    }

    private void send(byte[] apdu) {
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(apdu);
        }
    }

    private JsonNode awaitOneRequest(String query, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode found = api.json("/api/requests?" + query);
            return found.size() == 1 && found.get(0).get("status").asString().equals(status);
        });
        return api.json("/api/requests?" + query).get(0);
    }

    private JsonNode awaitDeadLetter(String reasonCode) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode letters = api.json("/api/dead-letters");
            return letters.size() == 1 && letters.get(0).get("reason-code").asString().equals(reasonCode)
                    && !letters.get(0).get("report-sent").isNull();
        });
        return api.json("/api/dead-letters").get(0);
    }

    /** The inbox entries' statuses, sorted: APDUs on different connections may be handled in either order. */
    private String statuses() {
        List<String> statuses = new ArrayList<>();
        for (JsonNode entry : api.json("/api/inbox")) {
            statuses.add(entry.get("status").asString());
        }
        return String.join(",", statuses.stream().sorted().toList());
    }

    private JsonNode json(byte[] apdu) throws Exception {
        return ApduJson.utf8().toJson(codec.decode(apdu));
    }
}
