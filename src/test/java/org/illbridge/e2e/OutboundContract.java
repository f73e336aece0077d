package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.support.FreePort;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.NewRequests;
import org.illbridge.support.ReportCatcher;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.Variants;
import org.illbridge.support.YazHelper;
import org.illbridge.support.YazVectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Outbound end to end: staff actions over REST become APDUs that a real TCP peer receives (and
 * YAZ decodes), OCLC's rules refuse what OCLC would, delivery survives a peer that is down for a
 * while, and a peer's error report lands in the dead letters. The site is OCL; its OCLC peer
 * (OCLC's rules) listens at {@link #OCLC}; DWN is a peer whose listener is not up at first.
 */
abstract class OutboundContract extends RunningService {

    static final ReportCatcher OCLC = new ReportCatcher();
    static final int DOWN_PORT = FreePort.find();
    /** A Direct Request style peer: answers each APDU on the connection it came in on. */
    static final ReportCatcher DIRECT = new ReportCatcher();
    /** OLD's previous address, still valid during its address change. */
    static final ReportCatcher OLD_ADDRESS = new ReportCatcher();
    static final ReportCatcher NEW_ADDRESS = new ReportCatcher();
    private static final int WAIT_MS = 10_000;

    final IllCodec codec = new IllCodec();

    static String profiles(int listenPort) {
        return """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      listeners: ["127.0.0.1:%d"]
                      ill-fee-management: false
                      peers:
                        - symbol: OCLC
                          address: "127.0.0.1:%d"
                          interaction: separate-connection
                          oclc-rules: true
                        - symbol: DWN
                          address: "127.0.0.1:%d"
                          interaction: separate-connection
                        - symbol: DRQ
                          address: "127.0.0.1:%d"
                          interaction: same-connection
                        - symbol: MOV
                          address: "127.0.0.1:%d"
                          previous-address: "127.0.0.1:%d"
                          previous-address-valid-until: 2099-12-31T00:00:00
                    - symbol: PRE
                      profile-installed: 2027-01-01T00:00:00
                      peers:
                        - symbol: OCLC
                          address: "127.0.0.1:%d"
                          oclc-rules: true
                """.formatted(listenPort, OCLC.port(), DOWN_PORT, DIRECT.port(), NEW_ADDRESS.port(), OLD_ADDRESS.port(), OCLC.port());
    }

    /** One database's run: its own database, listener port and profile file, and quick retries. */
    static void register(DynamicPropertyRegistry registry, String database) {
        int listenPort = FreePort.find();
        Path profiles = writeProfiles(Path.of("target", "profiles-" + UUID.randomUUID(), "application.yaml"), listenPort);
        ServiceProperties.register(registry, database, listenPort);
        registry.add("illbridge.profiles-file", profiles::toString);
        registry.add("illbridge.outbound.drain-interval", () -> "100ms");
        registry.add("illbridge.outbound.retry-delays", () -> "300ms,300ms");
        registry.add("illbridge.outbound.connect-timeout", () -> "1s");
    }

    static Path writeProfiles(Path file, int listenPort) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, profiles(listenPort));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void emptyStores() throws InterruptedException {
        // an APDU the last test left on its way (say, an action it did not wait for) arrives before this test begins
        for (int i = 0; i < 100 && stillSending(); i++) {
            Thread.sleep(50);
        }
        emptyTables("outbox", "apdu_history", "ill_transaction", "processed_apdu", "dead_letter", "inbox");
        OCLC.clear();
        DIRECT.clear();
        OLD_ADDRESS.clear();
        NEW_ADDRESS.clear();
    }

    /** A Message as a legacy system writes it into the outbox (its JSON view), for transaction OCL/{@code qualifier}. */
    private static String legacyMessage(String qualifier, String note) {
        return """
                {"Message": {"protocol-version-num": 2,
                  "transaction-id": {"transaction-group-qualifier": "OCL", "transaction-qualifier": "%s"},
                  "service-date-time": {"date-time-of-this-service": {"date": "20261128"}},
                  "note": "%s"}}""".formatted(qualifier, note);
    }

    private boolean stillSending() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status = 'sending'", Long.class) > 0;
    }

    @Test
    void aBorrowingRequestPlacedOverRestArrivesAtThePeerAndYazReadsIt() throws Exception {
        HttpResponse<String> placed = api.post("/api/requests", NewRequests.complete("T-100"));

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        byte[] received = OCLC.next(WAIT_MS);
        JsonNode request = json(received).get("ILL-Request");
        assertThat(request.at("/transaction-id/transaction-qualifier").asString()).isEqualTo("T-100");
        assertThat(request.at("/item-id/title").asString()).isEqualTo("Moby-Dick");
        assertThat(request.at("/requester-id/person-or-institution-symbol/institution-symbol").asString()).isEqualTo("OCL");
        assertThat(request.at("/iLL-request-extensions/0/item/EXTERNAL/encoding/single-ASN1-type/APDU-Delivery-Info"
                + "/sender-info/0/transport/telecom-service-address").asString()).isEqualTo("127.0.0.1:" + listenPort);
        JsonNode placedRequest = api.parse(placed.body()).get("request");
        assertThat(placedRequest.get("role").asString()).isEqualTo("BORROWING");
        assertThat(placedRequest.get("status").asString()).isEqualTo("Pending");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.json("/api/outbox").get(0).get("status").asString().equals("sent"));
        assertThat(api.text("/actuator/prometheus").body()).as("the attempt on the dashboard")
                .contains("illbridge_outbox_attempts_total{peer=\"OCLC\",result=\"sent\"}")
                .contains("illbridge_outbox_send_seconds_count{peer=\"OCLC\"}");
        if (YazHelper.available()) {
            Path file = Files.createTempFile(Path.of("target"), "sent-", ".ber");
            Files.write(file, received);
            assertThat(YazHelper.run("check", file.toString()).exitCode()).as("YAZ decodes what the peer received").isZero();
        }
    }

    @Test
    void aRequestWithATitleAsLongAsStaffTypeIsPlacedAndKeptWithItsShipTo() throws Exception {
        String title = "A title of more than a thousand characters ".repeat(30);
        HttpResponse<String> placed = api.post("/api/requests", NewRequests.complete("T-LONG").replace("Moby-Dick", title));

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode request = api.parse(placed.body()).get("request");
        assertThat(request.get("title").asString()).isEqualTo(title);
        assertThat(request.get("ship-to").asString()).isEqualTo("OCL Library ILL, 1 Main St, Dublin, OH, 43017, US");
        assertThat(json(OCLC.next(WAIT_MS)).at("/ILL-Request/item-id/title").asString()).isEqualTo(title);
    }

    @Test
    void shippedAfterAnInboundRequestArrivesAtThePeer() throws Exception {
        long id = inboundRequest(YazVectors.read("01-ill-request-minimal"));

        HttpResponse<String> acted = api.post("/api/requests/" + id + "/actions", "{\"action\": \"shipped\", \"date-due\": \"2027-01-15\"}");

        assertThat(acted.statusCode()).as(acted.body()).isEqualTo(200);
        JsonNode shipped = json(OCLC.next(WAIT_MS)).get("Shipped");
        assertThat(shipped.at("/transaction-id/transaction-qualifier").asString()).isEqualTo("R-0001");
        assertThat(shipped.at("/supply-details/date-due/date-due-field").asString()).isEqualTo("20270115");
        assertThat(api.json("/api/requests/" + id).at("/request/status").asString()).isEqualTo("Shipped");
    }

    @Test
    void willSupplyToOclcIsRefusedWithOclcsAdviceAndNothingIsSent() throws Exception {
        long id = inboundRequest(YazVectors.read("01-ill-request-minimal"));

        HttpResponse<String> refused = api.post("/api/requests/" + id + "/actions", "{\"action\": \"will-supply\"}");

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = api.parse(refused.body());
        assertThat(problem.get("detail").asString())
                .isEqualTo("OCLC does not accept Will Supply (Will Send) in answer to OCLC borrowing requests.");
        assertThat(problem.get("advice").asString()).isEqualTo("Send Shipped when you fill the request.");
        assertThat(api.json("/api/outbox")).isEmpty();
        assertThat(api.json("/api/dead-letters").get(0).get("reason-code").asString()).isEqualTo("oclc-will-supply");
        assertThat(api.json("/api/requests/" + id).at("/request/status").asString()).isEqualTo("Pending");
    }

    @Test
    void aConditionalAboutBibliographicDataIsRefusedWithTheAdviceToAnswerNotFoundAsCited() {
        long id = inboundRequest(YazVectors.read("01-ill-request-minimal"));

        HttpResponse<String> refused = api.post("/api/requests/" + id + "/actions",
                "{\"action\": \"conditional\", \"bibliographic\": true, \"note\": \"the year is wrong\"}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(api.parse(refused.body()).get("advice").asString())
                .isEqualTo("Answer Not Supplied with the reason not-found-as-cited.");
        assertThat(api.json("/api/outbox")).isEmpty();
    }

    @Test
    void aTransactionIdCanBeUsedOnce() throws Exception {
        assertThat(api.post("/api/requests", NewRequests.complete("T-700")).statusCode()).isEqualTo(201);
        // the first one is sent; taken here, so it cannot reach the peer during the next test
        assertThat(json(OCLC.next(WAIT_MS)).at("/ILL-Request/transaction-id/transaction-qualifier").asString())
                .isEqualTo("T-700");

        HttpResponse<String> again = api.post("/api/requests", NewRequests.complete("T-700"));

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(api.parse(again.body()).get("detail").asString()).startsWith("a request with transaction-id OCL/T-700 already exists");
    }

    @Test
    void anIncompleteRequestIsRefusedNamingEachMissingField() {
        HttpResponse<String> refused = api.post("/api/requests",
                "{\"symbol\": \"OCL\", \"responder\": \"OCLC\", \"title\": \"Moby-Dick\"}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(api.parse(refused.body()).get("detail").asString()).isEqualTo("OCLC will not accept this request without"
                + " a service level, need-before date or expiry date (search-type);"
                + " Verified, the source the citation was checked in (item-id.verification-reference-source);"
                + " Ship To (delivery-address).");
        assertThat(api.json("/api/outbox")).isEmpty();
        assertThat(api.json("/api/requests")).isEmpty();
    }

    @Test
    void theAvailableActionsAreWhatTheProtocolAndOclcsRulesAllowNow() {
        long id = inboundRequest(YazVectors.read("01-ill-request-minimal"));

        JsonNode available = api.json("/api/requests/" + id + "/actions");

        assertThat(available.get("banner").isNull()).isTrue();
        assertThat(api.json("/api/requests/" + id).get("request").has("managedInOclc")).as("said once, as managed-by").isFalse();
        assertThat(available.findValuesAsString("action")).as("a Pending lending request, answered to OCLC")
                .contains("shipped", "not-supplied", "conditional", "retry", "message", "status-query")
                .doesNotContain("will-supply", "received", "renew", "checked-in");
        JsonNode shipped = available.get("actions").valueStream().filter(a -> a.get("action").asString().equals("shipped"))
                .findFirst().orElseThrow();
        assertThat(shipped.get("fields").findValuesAsString("name")).containsExactly("date-shipped", "date-due", "service-type",
                "note");
        assertThat(shipped.at("/fields/1/kind").asString()).isEqualTo("date");

        api.post("/api/requests/" + id + "/actions", "{\"action\": \"shipped\"}");
        assertThat(api.json("/api/requests/" + id + "/actions").findValuesAsString("action")).as("once Shipped")
                .contains("recall", "overdue", "message").doesNotContain("shipped", "not-supplied");
    }

    @Test
    void datesAreNamedAndCheckedBeforeAnythingIsSent() {
        long id = inboundRequest(YazVectors.read("01-ill-request-minimal"));

        HttpResponse<String> impossible = api.post("/api/requests/" + id + "/actions",
                "{\"action\": \"shipped\", \"date-due\": \"2027-02-30\"}");
        HttpResponse<String> early = api.post("/api/requests/" + id + "/actions",
                "{\"action\": \"shipped\", \"date-shipped\": \"2026-11-20\", \"date-due\": \"20261110\"}");
        HttpResponse<String> old = api.post("/api/requests/" + id + "/actions",
                "{\"action\": \"shipped\", \"date\": \"20270115\"}");

        assertThat(api.parse(impossible.body()).get("detail").asString()).isEqualTo("date-due '2027-02-30' is not a date in the calendar.");
        assertThat(api.parse(early.body()).get("detail").asString()).isEqualTo("date-due 2026-11-10 is before the ship date 2026-11-20.");
        assertThat(api.parse(old.body()).get("detail").asString()).startsWith("'date' is not a field any more");
        assertThat(List.of(impossible.statusCode(), early.statusCode(), old.statusCode())).containsOnly(400);
        assertThat(api.json("/api/outbox")).isEmpty();
    }

    @Test
    void aRequestFromAnUnknownRequesterCanBeRefusedAndTheRequesterGetsTheProtocolsAnswer() throws Exception {
        long id = inboundRequest(YazVectors.read("01-ill-request-minimal"));
        assertThat(api.json("/api/requests/" + id).at("/request/queue").asString()).isEqualTo("Unknown Requester");
        assertThat(api.json("/api/requests/" + id + "/actions").findValuesAsString("action"))
                .startsWith("accept-requester", "refuse-requester");

        HttpResponse<String> refused = api.post("/api/requests/" + id + "/actions",
                "{\"action\": \"refuse-requester\", \"note\": \"We do not lend to you\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        JsonNode answer = json(OCLC.next(WAIT_MS)).get("ILL-Answer");
        assertThat(answer.get("transaction-results").asString()).isEqualTo("unfilled");
        assertThat(answer.at("/results-explanation/unfilled-results/reason-unfilled").asString()).isEqualTo("policy-problem");
        assertThat(api.json("/api/requests/" + id).at("/request/queue").asString()).isEqualTo("Not Supplied");
    }

    @Test
    void aRequestThatPredatesTheProfileOffersNoActionAndSaysWhy() {
        long id = inboundRequest(Variants.withSymbol(YazVectors.read("01-ill-request-minimal"), "responder-id", "PRE"));

        JsonNode available = api.json("/api/requests/" + id + "/actions");

        assertThat(available.get("actions")).isEmpty();
        assertThat(available.get("banner").asString()).startsWith("Update this request in OCLC");
    }

    @Test
    void anActionOnARequestThatPredatesTheProfileIsRefused() {
        long id = inboundRequest(Variants.withSymbol(YazVectors.read("01-ill-request-minimal"), "responder-id", "PRE"));

        HttpResponse<String> refused = api.post("/api/requests/" + id + "/actions", "{\"action\": \"shipped\"}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(api.parse(refused.body()).get("advice").asString())
                .isEqualTo("Update this request in OCLC (Passport or the OCLC ILL Web interface).");
        assertThat(api.json("/api/outbox")).isEmpty();
    }

    @Test
    void aPeerThatIsDownForAWhileGetsTheApduExactlyOnceWhenItIsUp() throws Exception {
        assertThat(api.post("/api/requests", NewRequests.complete("T-200").replace("\"OCLC\"", "\"DWN\"")).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/outbox").get(0).get("attempts").asInt() >= 1);

        try (ReportCatcher down = new ReportCatcher(DOWN_PORT)) {
            JsonNode request = json(down.next(WAIT_MS)).get("ILL-Request");
            assertThat(request.at("/transaction-id/transaction-qualifier").asString()).isEqualTo("T-200");
            await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/outbox").get(0).get("status").asString().equals("sent"));
            Thread.sleep(1000); // a second copy would come within the retry delays
            assertThat(down.waiting()).isZero();
            JsonNode history = api.json("/api/requests/" + api.json("/api/outbox").get(0).get("request").asLong()).get("history");
            assertThat(history.get(1).get("note").asString()).startsWith("attempt 1 to DWN failed");
            assertThat(history.get(history.size() - 1).get("note").asString()).contains("(attempt ");
        }
    }

    @Test
    void anApduThatCannotBeDeliveredBecomesADeadLetterAndCanBeResent() throws Exception {
        assertThat(api.post("/api/requests", NewRequests.complete("T-300").replace("\"OCLC\"", "\"DWN\"")).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/outbox").get(0).get("status").asString().equals("failed"));
        JsonNode dead = api.json("/api/dead-letters").get(0);
        assertThat(dead.get("reason-code").asString()).isEqualTo("sending-failed");
        assertThat(dead.get("direction").asString()).isEqualTo("out");

        try (ReportCatcher up = new ReportCatcher(DOWN_PORT)) {
            assertThat(api.post("/api/dead-letters/" + dead.get("id").asLong() + "/replay").get("outcome").asString())
                    .isEqualTo("resent");
            assertThat(json(up.next(WAIT_MS)).at("/ILL-Request/transaction-id/transaction-qualifier").asString()).isEqualTo("T-300");
        }
    }

    @Test
    void thePeersErrorReportForOurApduLandsInTheDeadLetters() throws Exception {
        assertThat(api.post("/api/requests", NewRequests.complete("T-400")).statusCode()).isEqualTo(201);
        OCLC.next(WAIT_MS);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/outbox").get(0).get("status").asString().equals("sent"));
        byte[] report = Variants.withSymbol(Variants.withSymbol(Variants.withTransaction(
                YazVectors.read("34-status-or-error-report-general-problem"), "OCL", "T-400"),
                "requester-id", "OCL"), "responder-id", "OCLC");

        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(report);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/outbox").get(0).get("status").asString().equals("rejected"));
        JsonNode dead = api.json("/api/dead-letters").get(0);
        assertThat(dead.get("reason-code").asString()).isEqualTo("rejected-by-peer");
        assertThat(dead.get("reason").asString()).contains("rejected our ILL-Request").contains("general-problem badly-structured-APDU");
    }

    @Test
    void aDirectRequestPeersAnswerOnTheSameConnectionIsProcessed() throws Exception {
        byte[] unfilled = Variants.withSymbol(Variants.withSymbol(Variants.withTransaction(
                YazVectors.read("11-ill-answer-unfilled"), "OCL", "T-500"), "requester-id", "OCL"), "responder-id", "DRQ");
        DIRECT.answerWith(unfilled);

        assertThat(api.post("/api/requests", NewRequests.complete("T-500").replace("\"OCLC\"", "\"DRQ\"")).statusCode()).isEqualTo(201);

        assertThat(json(DIRECT.next(WAIT_MS)).at("/ILL-Request/transaction-id/transaction-qualifier").asString()).isEqualTo("T-500");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/requests").get(0).get("status").asString()
                .equals("Not Supplied"));
        JsonNode history = api.json("/api/requests/" + api.json("/api/requests").get(0).get("id").asLong()).get("history");
        assertThat(history.get(history.size() - 1).get("apdu-type").asString()).isEqualTo("ILL-Answer");
    }

    @Test
    void duringAnAddressChangeTheApduGoesToBothAddresses() throws Exception {
        assertThat(api.post("/api/requests", NewRequests.complete("T-600").replace("\"OCLC\"", "\"MOV\"")).statusCode()).isEqualTo(201);

        assertThat(json(NEW_ADDRESS.next(WAIT_MS)).at("/ILL-Request/transaction-id/transaction-qualifier").asString()).isEqualTo("T-600");
        assertThat(json(OLD_ADDRESS.next(WAIT_MS)).at("/ILL-Request/transaction-id/transaction-qualifier").asString()).isEqualTo("T-600");
        JsonNode change = api.json("/api/address-changes").at("/sites/0/peers-changing-address/0");
        assertThat(change.get("symbol").asString()).isEqualTo("MOV");
        assertThat(change.get("still-sent-to").asBoolean()).isTrue();
        assertThat(change.get("verdict").asString()).isEqualTo("our APDUs go to 127.0.0.1:" + NEW_ADDRESS.port()
                + " and to the previous 127.0.0.1:" + OLD_ADDRESS.port() + " until 2099-12-31T00:00.");
    }

    @Test
    void anActionTheProtocolForbidsIsRefused() {
        long id = inboundRequest(YazVectors.read("01-ill-request-minimal"));

        HttpResponse<String> refused = api.post("/api/requests/" + id + "/actions", "{\"action\": \"checked-in\"}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(api.parse(refused.body()).get("detail").asString())
                .isEqualTo("The request is Pending (iN-PROCESS); the ISO ILL protocol does not allow 'send Checked-In' there.");
        assertThat(api.json("/api/outbox")).isEmpty();
    }

    @Test
    void aLegacySystemsOutboxRowIsSent() throws Exception {
        jdbc.update("INSERT INTO outbox (site_symbol, peer_symbol, apdu_json) VALUES (?, ?, ?)", "OCL", "OCLC",
                legacyMessage("L-1", "from the legacy system"));

        assertThat(json(OCLC.next(WAIT_MS)).at("/Message/note").asString()).isEqualTo("from the legacy system");
    }

    @Test
    void eachPeerGetsItsApdusInTheOrderTheyWereWrittenWhilePeersAreSentToAtOnce() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(new Object[] {"OCL", i % 2 == 0 ? "OCLC" : "MOV", legacyMessage("L-" + i, String.valueOf(i))});
        }
        jdbc.batchUpdate("INSERT INTO outbox (site_symbol, peer_symbol, apdu_json) VALUES (?, ?, ?)", rows);

        List<String> toOclc = new ArrayList<>();
        List<String> toMov = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            toOclc.add(json(OCLC.next(WAIT_MS)).at("/Message/note").asString());
            toMov.add(json(NEW_ADDRESS.next(WAIT_MS)).at("/Message/note").asString());
        }
        assertThat(toOclc).containsExactly("0", "2", "4", "6", "8", "10", "12", "14", "16", "18");
        assertThat(toMov).containsExactly("1", "3", "5", "7", "9", "11", "13", "15", "17", "19");
    }

    @Test
    void aLegacySystemsOutboxRowIsCheckedLikeAStaffAction() throws Exception {
        long id = inboundRequest(YazVectors.read("01-ill-request-minimal"));
        String willSupply = """
                {"ILL-Answer": {"protocol-version-num": 2,
                  "transaction-id": {"transaction-group-qualifier": "ZBW", "transaction-qualifier": "R-0001"},
                  "service-date-time": {"date-time-of-this-service": {"date": "20261128"}},
                  "transaction-results": "will-supply"}}""";
        String received = """
                {"Received": {"protocol-version-num": 2,
                  "transaction-id": {"transaction-group-qualifier": "ZBW", "transaction-qualifier": "R-0001"},
                  "service-date-time": {"date-time-of-this-service": {"date": "20261128"}},
                  "date-received": "20261128", "shipped-service-type": "loan"}}""";

        jdbc.update("INSERT INTO outbox (site_symbol, peer_symbol, apdu_json) VALUES (?, ?, ?)", "OCL", "OCLC", willSupply);
        jdbc.update("INSERT INTO outbox (transaction_id, site_symbol, peer_symbol, apdu_json) VALUES (?, ?, ?, ?)", id, "OCL",
                "OCLC", received);

        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/dead-letters").size() == 2);
        assertThat(api.json("/api/dead-letters").findValuesAsString("reason-code"))
                .containsExactlyInAnyOrder("oclc-will-supply", "state-transition-prohibited");
        assertThat(api.json("/api/outbox?status=rejected").findValuesAsString("last-error"))
                .anySatisfy(error -> assertThat(error).startsWith("OCLC does not accept Will Supply"));
        assertThatThrownBy(() -> OCLC.next(1_000)).as("nothing was sent").hasMessageContaining("no APDU arrived");
        assertThat(api.json("/api/requests/" + id).at("/request/status").asString()).isEqualTo("Pending");
    }

    @Test
    void aLegacyRowAboutARequestMovesItLikeTheStaffActionWould() throws Exception {
        long id = inboundRequest(YazVectors.read("01-ill-request-minimal"));
        String shipped = """
                {"Shipped": {"protocol-version-num": 2,
                  "transaction-id": {"transaction-group-qualifier": "ZBW", "transaction-qualifier": "R-0001"},
                  "service-date-time": {"date-time-of-this-service": {"date": "20261128"}},
                  "shipped-service-type": "loan", "supply-details": {"date-shipped": "20261128"}}}""";

        jdbc.update("INSERT INTO outbox (transaction_id, site_symbol, peer_symbol, apdu_json) VALUES (?, ?, ?, ?)", id, "OCL",
                "OCLC", shipped);

        assertThat(json(OCLC.next(WAIT_MS)).has("Shipped")).isTrue();
        assertThat(api.json("/api/requests/" + id).at("/request/status").asString()).isEqualTo("Shipped");
    }

    private long inboundRequest(byte[] apdu) {
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            peer.send(apdu);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/requests").size() == 1);
        return api.json("/api/requests").get(0).get("id").asLong();
    }

    private JsonNode json(byte[] apdu) throws Exception {
        return ApduJson.utf8().toJson(codec.decode(apdu));
    }
}
