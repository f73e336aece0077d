package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.illbridge.codec.ill.IllCodec;
import org.illbridge.codec.json.ApduJson;
import org.illbridge.protocol.NewRequest;
import org.illbridge.support.Browser;
import org.illbridge.support.FreePort;
import org.illbridge.support.InboxApi;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.ReportCatcher;
import org.illbridge.support.ServiceProperties;
import org.illbridge.support.TestDatabases;
import org.illbridge.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The staff page in a real Chromium, against the whole service: a login, the queues and their
 * counts, a request's record and its actions, a new request, an unknown requester, a viewer. APDUs
 * come in over the ISO ILL listener and go out to a peer listening on a real socket.
 */
class StaffPageBrowserTest extends RunningService {

    /** ZBW, a borrower reached under OCLC's rules: what the page sends it arrives here. */
    static final ReportCatcher ZBW = new ReportCatcher();
    static final ReportCatcher OCLC = new ReportCatcher();
    private static final int WAIT_MS = 10_000;

    private static Browser browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path profiles = Path.of("target", "profiles-" + UUID.randomUUID(), "application.yaml");
        Files.createDirectories(profiles.getParent());
        Files.writeString(profiles, """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      peers:
                        - symbol: OCLC
                          address: "127.0.0.1:%d"
                          oclc-rules: true
                        - symbol: ZBW
                          address: "127.0.0.1:%d"
                          oclc-rules: true
                """.formatted(OCLC.port(), ZBW.port()));
        ServiceProperties.register(registry, TestDatabases.newH2Url(), FreePort.find());
        registry.add("illbridge.profiles-file", profiles::toString);
        registry.add("illbridge.outbound.drain-interval", () -> "100ms");
    }

    @BeforeEach
    void openBrowser() {
        if (browser == null) {
            browser = Browser.open(httpPort);
        }
        ZBW.clear();
        OCLC.clear();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void withoutALoginThereIsNoData() {
        long id = inboundRequest("ZBW", "B-NOLOGIN", "A title nobody logged in may see");

        browser.logOut().go("/requests/" + id);

        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text()).doesNotContain("A title nobody logged in may see");
        assertThat(InboxApi.as(httpPort, null).text("/api/requests").statusCode()).isEqualTo(401);
    }

    @Test
    void staffSeeThePendingCountOpenARequestAndShipIt() throws Exception {
        long id = inboundRequest("ZBW", "B-SHIP", "Moby-Dick");

        browser.logInAs(TestUsers.STAFF).go("/?role=lending&queue=Pending");
        long pending = api.json("/api/requests/queues").at("/lending/Pending").asLong();
        WebElement pendingLink = browser.find(By.cssSelector("nav.queues a[aria-current=page]"));
        assertThat(pendingLink.getText()).contains("Pending").contains(Long.toString(pending));
        browser.screenshotForDocs("queue");

        browser.clickAndWait(By.linkText("B-SHIP"));
        assertThat(browser.path()).isEqualTo("/requests/" + id);
        assertThat(browser.text()).contains("Moby-Dick", "Request received from ZBW", "ZBW Library");
        browser.screenshotForDocs("request");
        browser.find(By.cssSelector("#action-shipped summary")).click();
        browser.setValue(By.id("shipped-date-due"), "2027-01-15");
        browser.clickAndWait(By.cssSelector("#action-shipped button[type=submit]"));

        assertThat(browser.find(By.cssSelector(".result.queued")).getText()).contains("Queued for sending", "Shipped");
        JsonNode shipped = json(ZBW.next(WAIT_MS)).get("Shipped");
        assertThat(shipped.at("/transaction-id/transaction-qualifier").asString()).isEqualTo("B-SHIP");
        assertThat(shipped.at("/supply-details/date-due/date-due-field").asString()).isEqualTo("20270115");
        browser.go("/requests/" + id);
        assertThat(browser.text()).contains("Shipped to ZBW, due 15 Jan 2027");
    }

    @Test
    void aRefusedActionShowsItsSentenceAndAdvice() {
        long id = inboundRequest("ZBW", "B-REFUSE", "Refused title");

        browser.logInAs(TestUsers.STAFF).go("/requests/" + id);
        assertThat(browser.findAll(By.id("action-will-supply"))).as("OCLC's rules forbid Will Supply: not offered").isEmpty();
        browser.find(By.cssSelector("#action-conditional summary")).click();
        browser.find(By.id("conditional-bibliographic")).click();
        browser.clickAndWait(By.cssSelector("#action-conditional button[type=submit]"));

        WebElement refusal = browser.find(By.cssSelector(".result.refused[role=alert]"));
        assertThat(refusal.getText()).contains("Refused, nothing was sent", "Do not answer Conditional",
                "Answer Not Supplied with the reason not-found-as-cited.");
        assertThat(api.json("/api/requests/" + id).at("/request/status").asString()).isEqualTo("Pending");
    }

    @Test
    void aNewRequestWithAMissingFieldShowsTheSentenceByTheField() throws Exception {
        browser.logInAs(TestUsers.STAFF).go("/requests/new");
        browser.find(By.id("responder")).sendKeys("OCLC");
        browser.find(By.id("title")).sendKeys("Middlemarch");
        browser.find(By.id("level-of-service")).sendKeys("A");
        browser.find(By.id("ship-to-name")).sendKeys("OCL Library");
        browser.clickAndWait(By.cssSelector("main button[type=submit]"));

        assertThat(browser.find(By.id("verification-problem")).getText()).as(browser.text()).contains("Verified");
        assertThat(browser.find(By.id("verification")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("title")).getAttribute("value")).as("what was typed is kept").isEqualTo("Middlemarch");

        browser.find(By.id("verification")).sendKeys("OCLC WorldCat");
        browser.clickAndWait(By.cssSelector("main button[type=submit]"));

        assertThat(browser.path()).startsWith("/requests/");
        assertThat(json(OCLC.next(WAIT_MS)).at("/ILL-Request/item-id/title").asString()).isEqualTo("Middlemarch");
        assertThat(browser.text()).contains("Middlemarch", "OCL Library");
    }

    @Test
    void staffAcceptARequestFromAnUnknownRequester() {
        long id = inboundRequest("XYZ", "B-UNKNOWN", "From a stranger");

        browser.logInAs(TestUsers.STAFF).go("/?role=lending&queue=Unknown%20Requester");
        assertThat(browser.text()).contains("From a stranger");
        browser.go("/requests/" + id);
        browser.find(By.cssSelector("#action-accept-requester summary")).click();
        browser.find(By.id("accept-requester-remember")).click();
        browser.clickAndWait(By.cssSelector("#action-accept-requester button[type=submit]"));

        assertThat(browser.find(By.cssSelector(".result.queued")).getText()).contains("Done", "Pending");
        assertThat(api.json("/api/requests/" + id).at("/request/queue").asString()).isEqualTo("Pending");
        long next = inboundRequest("XYZ", "B-KNOWN", "From a stranger no more");
        assertThat(api.json("/api/requests/" + next).at("/request/queue").asString()).as("XYZ is known now")
                .isEqualTo("Pending");
    }

    @Test
    void everyControlIsLabelledAndAnActionCanBeTakenWithTheKeyboardAlone() throws Exception {
        long id = inboundRequest("ZBW", "B-KEYS", "Keyboard title");

        browser.logInAs(TestUsers.STAFF);
        for (String page : List.of("/requests/" + id, "/requests/new", "/?role=lending&queue=Pending")) {
            browser.go(page);
            assertThat(browser.unlabelledControls()).as("controls without a label on " + page).isEmpty();
        }
        browser.go("/requests/" + id);
        browser.find(By.cssSelector("#action-message summary")).sendKeys(Keys.ENTER);
        browser.find(By.id("message-note")).sendKeys("Sent from the keyboard");
        browser.pressEnterAndWait(By.cssSelector("#action-message button[type=submit]"));

        assertThat(browser.find(By.cssSelector(".result.queued")).getText()).contains("Queued for sending");
        assertThat(json(ZBW.next(WAIT_MS)).at("/Message/note").asString()).isEqualTo("Sent from the keyboard");
    }

    @Test
    void aViewerCanReadButNotAct() {
        long id = inboundRequest("ZBW", "B-VIEW", "Only to read");

        browser.logInAs(TestUsers.VIEWER).go("/requests/" + id);

        assertThat(browser.text()).contains("Only to read", "acting on it needs the staff role");
        assertThat(browser.findAll(By.cssSelector(".actions form"))).isEmpty();
        assertThat(browser.text()).doesNotContain("New borrowing request").doesNotContain("Dead letters");
    }

    /** Sends an ILL-Request from {@code requester} to OCL over the listener; returns its request id once applied. */
    private long inboundRequest(String requester, String qualifier, String title) {
        NewRequest request = new NewRequest(requester, "OCL", qualifier, "loan", title, "Author, Ann", "OCLC WorldCat", "A",
                "20271231", null, new NewRequest.Address(requester + " Library", "1 Main St", "Dublin", "OH", "43017", "US"),
                null, null);
        try (IsoIllPeer peer = IsoIllPeer.connect(listenPort)) {
            IllCodec codec = new IllCodec();
            peer.send(codec.encode(request.toApdu(qualifier, false, LocalDateTime.now())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> api.json("/api/requests?q=" + qualifier).size() == 1);
        return api.json("/api/requests?q=" + qualifier).get(0).get("id").asLong();
    }

    private static JsonNode json(byte[] apdu) {
        try {
            return ApduJson.MAPPER.readTree(ApduJson.utf8().toText(new IllCodec().decode(apdu)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
