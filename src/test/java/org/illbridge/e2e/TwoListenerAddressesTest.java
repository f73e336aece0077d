package org.illbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.management.ObjectName;
import org.illbridge.support.FreePort;
import org.illbridge.support.IsoIllPeer;
import org.illbridge.support.PageSession;
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

/**
 * A server-address change as OCLC runs it: the site's new and old addresses both listen (beside
 * the configured listener), OCLC sends to both, each APDU is applied once, and the report says when
 * the old address can go. The listeners follow a profile reload.
 */
class TwoListenerAddressesTest extends RunningService {

    private static final int NEW_PORT = FreePort.find();
    private static final int OLD_PORT = FreePort.find();
    private static final int LATER_PORT = FreePort.find();
    private static final ReportCatcher ZBW = new ReportCatcher();
    private static final Path PROFILES = Path.of("target", "profiles-" + UUID.randomUUID(), "application.yaml");
    private static final String NEW = "127.0.0.1:" + NEW_PORT;
    private static final String OLD = "127.0.0.1:" + OLD_PORT;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServiceProperties.register(registry, TestDatabases.newH2Url(), FreePort.find());
        write(profiles(List.of(NEW), OLD));
        registry.add("illbridge.profiles-file", PROFILES::toString);
        registry.add("spring.jmx.enabled", () -> "true");
    }

    /** OCL moves from OLD to NEW; OCLC sends to both until 1 Jan 2026, a period that has passed. */
    static String profiles(List<String> listeners, String previous) {
        return """
                illbridge:
                  profiles:
                    - symbol: OCL
                      profile-installed: 2026-01-01T00:00:00
                      listeners: [%s]
                %s
                      peers:
                        - {symbol: ZBW, address: "127.0.0.1:%d", interaction: separate-connection}
                """.formatted(String.join(", ", listeners.stream().map(l -> "\"" + l + "\"").toList()),
                previous == null ? "" : "      previous-listener: \"" + previous + "\"\n"
                        + "      previous-listener-until: 2026-01-01T00:00:00", ZBW.port());
    }

    @BeforeEach
    void freshStoresAndTheMoveProfile() {
        emptyTables("outbox", "apdu_history", "ill_transaction", "processed_apdu", "dead_letter", "inbox");
        write(profiles(List.of(NEW), OLD));
        api.post("/api/profiles/reload");
    }

    @Test
    void bothAddressesListenAnApduSentToBothIsAppliedOnceAndTheReportSaysWhenTheOldOneCanGo() throws Exception {
        byte[] request = YazVectors.read("01-ill-request-minimal");
        send(OLD_PORT, request);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses().contains("applied"));

        JsonNode site = api.json("/api/address-changes").get("sites").get(0);
        assertThat(site.get("symbol").asString()).isEqualTo("OCL");
        assertThat(site.get("listeners")).extracting(l -> l.get("address").asString() + " " + l.get("use").asString()
                        + " listening=" + l.get("listening").asBoolean() + " heard=" + l.get("open-transactions-last-heard-here").asLong()
                        + " only=" + l.get("open-transactions-last-heard-only-here").asLong())
                .containsExactly(NEW + " current listening=true heard=0 only=0", OLD + " previous listening=true heard=1 only=1");
        JsonNode previous = site.get("previous");
        assertThat(previous.get("can-retire").asBoolean()).isFalse();
        assertThat(previous.get("period-passed").asBoolean()).isTrue();
        assertThat(previous.get("verdict").asString()).startsWith("Keep " + OLD + ": 1 open transaction(s) were last heard only there");
        assertThat(previous.get("transactions").get(0).get("qualifier").asString()).isEqualTo("R-0001");

        // OCLC sends the same APDU to the new address too
        send(NEW_PORT, request);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses().size() == 2 && !statuses().contains("received"));

        assertThat(api.json("/api/inbox")).extracting(e -> e.get("listener").asString() + " " + e.get("status").asString())
                .containsExactlyInAnyOrder(OLD + " applied", NEW + " duplicate");
        JsonNode requests = api.json("/api/requests?symbol=OCL");
        assertThat(requests).as("one request").hasSize(1);
        assertThat(api.json("/api/requests/" + requests.get(0).get("id").asLong()).get("history"))
                .extracting(h -> h.get("note").isNull()).as("applied once, the second copy only recorded").containsExactly(true, false);
        JsonNode after = api.json("/api/address-changes").at("/sites/0");
        assertThat(after.at("/previous/can-retire").asBoolean()).isTrue();
        assertThat(after.at("/previous/verdict").asString()).isEqualTo(OLD + " can be retired: no open transaction was last heard"
                + " only there, and sending to both ended 2026-01-01T00:00.");
        HttpResponse<String> page = PageSession.loggedIn(httpPort, TestUsers.OPERATOR).get("/operations/profiles");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(OLD + " can be retired: no open transaction was last heard only there");
        String[] report = (String[]) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("org.illbridge:type=Listeners"), "addressChangeReport", new Object[0], new String[0]);
        assertThat(report).contains("OCL current " + NEW + ": listening, 1 open transaction(s) last heard here, 0 only here",
                "OCL " + OLD + " can be retired: no open transaction was last heard only there, and sending to both ended"
                        + " 2026-01-01T00:00.");
    }

    @Test
    void theListenersFollowAProfileReload() throws Exception {
        write(profiles(List.of(NEW, "127.0.0.1:" + LATER_PORT), null));
        api.post("/api/profiles/reload");

        send(LATER_PORT, YazVectors.read("01-ill-request-minimal"));
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses().contains("applied"));
        assertThat(api.json("/api/inbox").get(0).get("listener").asString()).isEqualTo("127.0.0.1:" + LATER_PORT);
        assertThatThrownBy(() -> connect(OLD_PORT)).as("the old address, in no profile now, stops listening")
                .isInstanceOf(ConnectException.class);
        assertThat(api.json("/api/address-changes").at("/sites/0/listeners")).extracting(l -> l.get("address").asString())
                .containsExactly(NEW, "127.0.0.1:" + LATER_PORT);
    }

    private List<String> statuses() {
        List<String> statuses = new ArrayList<>();
        api.json("/api/inbox").forEach(e -> statuses.add(e.get("status").asString()));
        return statuses;
    }

    private static void send(int port, byte[] apdu) {
        try (IsoIllPeer peer = IsoIllPeer.connect(port)) {
            peer.send(apdu);
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
    }

    private static void write(String yaml) {
        try {
            Files.createDirectories(PROFILES.getParent());
            Files.writeString(PROFILES, yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
